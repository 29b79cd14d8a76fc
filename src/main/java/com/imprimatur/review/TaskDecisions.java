package com.imprimatur.review;

import com.imprimatur.article.ArticleService;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.article.RevisionView;
import com.imprimatur.factcheck.FactCheck;
import com.imprimatur.factcheck.FactCheckReport;
import com.imprimatur.plagiarism.PlagiarismCheck;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.StaffMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a decision against the task it is taken on and keeps it. Which decisions a task accepts
 * is the vocabulary of the BPMN's gateways; where each decision leads is the BPMN's business.
 */
@Service
@Transactional
public class TaskDecisions {

    public static final String MEDICAL_REVIEW = "medicalReview";
    public static final String RESOLVE_PLAGIARISM = "resolvePlagiarism";
    public static final String APPROVE_PUBLICATION = "approvePublication";
    public static final String REVISE = "revise";
    public static final String TRIAGE_REPORT = "triageReport";

    /** Decisions that must say why: the writer, the record or the reader's report needs the reason. */
    private static final Set<String> NEED_A_COMMENT = Set.of("REQUEST_CHANGES", "REJECT", "DISMISS", "RETURN_TO_WRITER");

    private static final Map<String, Set<String>> ACCEPTED = Map.of(
            MEDICAL_REVIEW, Set.of("APPROVE", "REQUEST_CHANGES", "REJECT"),
            RESOLVE_PLAGIARISM, Set.of("DISMISS", "RETURN_TO_WRITER"),
            APPROVE_PUBLICATION, Set.of("PUBLISH", "RETURN_TO_WRITER"),
            TRIAGE_REPORT, Set.of("REOPEN_REVIEW", "DISMISS"));

    private final Decisions decisions;
    private final ArticleService articles;
    private final FactCheck factCheck;
    private final AuditTrail audit;
    private final PlagiarismCheck plagiarism;

    TaskDecisions(Decisions decisions, ArticleService articles, FactCheck factCheck, AuditTrail audit, PlagiarismCheck plagiarism) {
        this.plagiarism = plagiarism;
        this.decisions = decisions;
        this.articles = articles;
        this.factCheck = factCheck;
        this.audit = audit;
    }

    public record Recorded(String decision, Instant publishAt) {
    }

    public record Approval(String reviewer, Instant at) {
    }

    /** Validates the decision for the task (422 with the reason when it does not fit) and stores it. */
    public Recorded record(TaskContext task, StaffMember actor, DecisionRequest request) {
        if (REVISE.equals(task.taskKey())) {
            throw Problem.invalid("decision-not-accepted",
                    "A 'revise' task is completed by submitting the next revision: POST /api/articles/" + task.articleId() + "/revisions.");
        }
        Set<String> accepted = ACCEPTED.get(task.taskKey());
        if (accepted == null) {
            throw Problem.invalid("decision-not-accepted", "Task '" + task.taskKey() + "' takes no decision here.");
        }
        String decision = request.decision().trim().toUpperCase(java.util.Locale.ROOT);
        if (!accepted.contains(decision)) {
            throw Problem.invalid("decision-not-accepted", "'" + request.decision() + "' is not a decision for "
                    + task.taskKey() + "; use one of " + String.join(", ", accepted.stream().sorted().toList()) + ".")
                    .with("accepted", accepted.stream().sorted().toList());
        }
        String comment = request.comment() == null ? null : request.comment().strip();
        boolean noComment = comment == null || comment.isEmpty();
        if (noComment && NEED_A_COMMENT.contains(decision)) {
            throw Problem.invalid("comment-required", decision + " needs a comment that tells the "
                    + ("DISMISS".equals(decision) ? "record why it is dismissed." : "writer what to change or why."));
        }
        RevisionView revision = articles.revision(task.articleId(), task.revision());
        List<ReferenceVerdict> verdicts = verdicts(task, revision, request, decision);
        if ("APPROVE".equals(decision) || "PUBLISH".equals(decision)) {
            requireFactCheckPasses(task, decision);
        }
        Instant publishAt = null;
        if ("PUBLISH".equals(decision) && request.publishAt() != null && request.publishAt().isAfter(Instant.now())) {
            publishAt = request.publishAt();
        }
        decisions.save(new Decision(task, revision.id(), actor.username(), decision, noComment ? null : comment,
                publishAt, verdicts));
        if (!verdicts.isEmpty()) {
            List<Map<String, Object>> given = new ArrayList<>();
            for (int i = 0; i < verdicts.size(); i++) {
                Map<String, Object> v = new java.util.LinkedHashMap<>();
                v.put("reference", i + 1);
                v.put("verdict", verdicts.get(i).verdict().name());
                if (verdicts.get(i).note() != null) {
                    v.put("note", verdicts.get(i).note());
                }
                given.add(v);
            }
            audit.recordAs(actor.username(), "references.verdicts", task.articleId(), task.revision(),
                    Map.of("taskId", task.taskId(), "verdicts", given));
        }
        if (RESOLVE_PLAGIARISM.equals(task.taskKey()) && "DISMISS".equals(decision)) {
            audit.recordAs(actor.username(), "plagiarism.dismissed", task.articleId(), task.revision(),
                    Map.of("taskId", task.taskId(), "justification", comment));
            plagiarism.dismissed(task.articleId(), task.revision(), actor.username(), comment);
        }
        return new Recorded(decision, publishAt);
    }

    /**
     * The fact-check gates: no APPROVE while a blocking finding stands; no PUBLISH while one stands
     * (say, a retraction imported after the approval) or while a JAMA benchmark is unmet.
     */
    private void requireFactCheckPasses(TaskContext task, String decision) {
        FactCheckReport report = factCheck.report(task.articleId(), task.revision());
        List<com.imprimatur.factcheck.Finding> blocking = report.blockingFindings();
        if (!blocking.isEmpty()) {
            throw Problem.invalid("fact-check-blocking", decision + " is refused while the fact-check of revision "
                    + task.revision() + " has " + blocking.size() + " blocking finding" + (blocking.size() == 1 ? "" : "s")
                    + ": " + blocking.get(0).message()
                    + (blocking.size() > 1 ? " (and more: see findings)" : "")
                    + " Request changes from the writer instead.").with("findings", blocking);
        }
        List<FactCheckReport.JamaItem> unmet = report.unmetBenchmarks();
        if ("PUBLISH".equals(decision) && !unmet.isEmpty()) {
            throw Problem.invalid("jama-benchmarks-unmet", "PUBLISH is refused while a JAMA benchmark is unmet: "
                    + unmet.get(0).benchmark() + " — " + unmet.get(0).detail()
                    + (unmet.size() > 1 ? " (and more: see jama)" : "") + " Return it to the writer instead.")
                    .with("jama", unmet);
        }
        audit.record("factcheck.passed", task.articleId(), task.revision(), Map.of("gate", decision,
                "warnings", report.summary().warnings(), "hints", report.summary().hints(),
                "publishable", report.summary().publishable()));
    }

    private static List<ReferenceVerdict> verdicts(TaskContext task, RevisionView revision, DecisionRequest request,
            String decision) {
        List<DecisionRequest.ReferenceVerdictRequest> given = request.referenceVerdicts() == null ? List.of()
                : request.referenceVerdicts();
        if (!MEDICAL_REVIEW.equals(task.taskKey())) {
            if (!given.isEmpty()) {
                throw Problem.invalid("verdicts-not-accepted", "Reference verdicts belong to the medical review only.");
            }
            return List.of();
        }
        int count = revision.references().size();
        ReferenceVerdict[] byNumber = new ReferenceVerdict[count];
        for (DecisionRequest.ReferenceVerdictRequest v : given) {
            if (v.reference() > count) {
                throw Problem.invalid("unknown-reference", "Revision " + revision.number() + " has " + count
                        + " references; there is no reference " + v.reference() + ".");
            }
            if (byNumber[v.reference() - 1] != null) {
                throw Problem.invalid("duplicate-verdict", "Reference " + v.reference() + " has two verdicts.");
            }
            byNumber[v.reference() - 1] = new ReferenceVerdict(v.verdict(), v.note());
        }
        List<Integer> missing = new ArrayList<>();
        List<Integer> notVerified = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (byNumber[i] == null) {
                missing.add(i + 1);
            } else if (byNumber[i].verdict() != Verdict.VERIFIED) {
                notVerified.add(i + 1);
            }
        }
        if ("APPROVE".equals(decision) && (!missing.isEmpty() || !notVerified.isEmpty())) {
            throw Problem.invalid("references-not-verified",
                    "APPROVE needs every reference VERIFIED." + (missing.isEmpty() ? "" : " Without a verdict: " + missing + ".")
                            + (notVerified.isEmpty() ? "" : " Not verified: " + notVerified + "."))
                    .with("missing", missing).with("notVerified", notVerified);
        }
        if (!missing.isEmpty() && !given.isEmpty()) {
            throw Problem.invalid("verdicts-incomplete", "Give a verdict for every reference or none; missing: " + missing + ".");
        }
        return given.isEmpty() ? List.of() : List.of(byNumber);
    }

    /** Every decision on the article, oldest first, for those who may see the article. */
    @Transactional(readOnly = true)
    public List<DecisionView> ofArticle(StaffMember caller, long articleId) {
        articles.requireVisible(caller, articleId);
        return decisions.findByArticleIdOrderByDecidedAt(articleId).stream().map(Decision::view).toList();
    }

    /** The physician's approval of a revision: who and when, for the publication's "reviewed by". */
    @Transactional(readOnly = true)
    public Optional<Approval> medicalApproval(long articleId, int revision) {
        long revisionId = articles.revision(articleId, revision).id();
        return decisions.findFirstByRevisionIdAndTaskKeyAndDecisionOrderByDecidedAtDesc(revisionId, MEDICAL_REVIEW, "APPROVE")
                .map(d -> new Approval(d.actor(), d.decidedAt()));
    }
}
