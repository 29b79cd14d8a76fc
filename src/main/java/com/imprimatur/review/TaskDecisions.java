package com.imprimatur.review;

import com.imprimatur.article.ArticleService;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.article.RevisionView;
import com.imprimatur.factcheck.FactCheck;
import com.imprimatur.factcheck.FactCheckReport;
import com.imprimatur.plagiarism.PlagiarismCheck;
import com.imprimatur.problem.Problem;
import com.imprimatur.route.Decision;
import com.imprimatur.route.TaskKind;
import com.imprimatur.staff.StaffMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a decision against the task it is taken on and keeps it. Which decisions a task accepts
 * and what each needs is {@link TaskKind}'s ({@link DecisionRules} applies it); the gates that need
 * the database (the fact-check, the JAMA benchmarks) are checked here; where each decision leads is
 * the BPMN's business.
 */
@Service
@Transactional
public class TaskDecisions {

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

    public record Recorded(Decision decision, Instant publishAt) {
    }

    public record Approval(String reviewer, Instant at) {
    }

    /** Validates the decision for the task (422 with the reason when it does not fit) and stores it. */
    public Recorded record(TaskContext task, StaffMember actor, DecisionRequest request) {
        RevisionView revision = articles.revision(task.articleId(), task.revision());
        DecisionRules.Checked checked = DecisionRules.check(task.taskKey(), task.articleId(), task.revision(), request,
                revision.references().size(), Instant.now());
        Decision decision = checked.decision();
        if (decision.needsFactCheckPassed()) {
            requireFactCheckPasses(task, decision);
        }
        List<ReferenceVerdict> verdicts = checked.verdicts();
        decisions.save(new DecisionRecord(task, revision.id(), actor.username(), decision.name(), checked.comment(),
                checked.publishAt(), verdicts));
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
        if (TaskKind.RESOLVE_PLAGIARISM.is(task.taskKey()) && decision == Decision.DISMISS) {
            audit.recordAs(actor.username(), "plagiarism.dismissed", task.articleId(), task.revision(),
                    Map.of("taskId", task.taskId(), "justification", checked.comment()));
            plagiarism.dismissed(task.articleId(), task.revision(), actor.username(), checked.comment());
        }
        return new Recorded(decision, checked.publishAt());
    }

    /**
     * The fact-check gates: no APPROVE while a blocking finding stands; no PUBLISH while one stands
     * (say, a retraction imported after the approval) or while a JAMA benchmark is unmet.
     */
    private void requireFactCheckPasses(TaskContext task, Decision decision) {
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
        if (decision == Decision.PUBLISH && !unmet.isEmpty()) {
            throw Problem.invalid("jama-benchmarks-unmet", "PUBLISH is refused while a JAMA benchmark is unmet: "
                    + unmet.get(0).benchmark() + " — " + unmet.get(0).detail()
                    + (unmet.size() > 1 ? " (and more: see jama)" : "") + " Return it to the writer instead.")
                    .with("jama", unmet);
        }
        audit.record("factcheck.passed", task.articleId(), task.revision(), Map.of("gate", decision.name(),
                "warnings", report.summary().warnings(), "hints", report.summary().hints(),
                "publishable", report.summary().publishable()));
    }

    /** Every decision on the article, oldest first, for those who may see the article. */
    @Transactional(readOnly = true)
    public List<DecisionView> ofArticle(StaffMember caller, long articleId) {
        articles.requireVisible(caller, articleId);
        return decisions.findByArticleIdOrderByDecidedAt(articleId).stream().map(DecisionRecord::view).toList();
    }

    /** The physician's approval of a revision: who and when, for the publication's "reviewed by". */
    @Transactional(readOnly = true)
    public Optional<Approval> medicalApproval(long articleId, int revision) {
        long revisionId = articles.revision(articleId, revision).id();
        // the written-out query of the fact-check (a derived one is interpreted afresh on every call)
        return decisions.findByRevisionIdAndTaskKeyOrderByDecidedAtDesc(revisionId, TaskKind.MEDICAL_REVIEW.key()).stream()
                .filter(d -> Decision.APPROVE.is(d.decision())).findFirst()
                .map(d -> new Approval(d.actor(), d.decidedAt()));
    }
}
