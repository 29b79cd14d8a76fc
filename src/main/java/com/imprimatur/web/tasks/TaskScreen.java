package com.imprimatur.web.tasks;

import com.imprimatur.route.Decision;
import com.imprimatur.route.TaskKind;
import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ArticleView;
import com.imprimatur.article.RevisionDiffs;
import com.imprimatur.article.RevisionView;
import com.imprimatur.factcheck.FactCheck;
import com.imprimatur.factcheck.Finding;
import com.imprimatur.feedback.FeedbackTriage;
import com.imprimatur.feedback.ReportView;
import com.imprimatur.plagiarism.PlagiarismCheck;
import com.imprimatur.plagiarism.PlagiarismReportView;
import com.imprimatur.problem.Problem;
import com.imprimatur.review.DecisionRequest;
import com.imprimatur.review.DecisionView;
import com.imprimatur.review.TaskDecisions;
import com.imprimatur.review.Verdict;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.web.support.Markdown;
import com.imprimatur.web.support.PageModel;
import com.imprimatur.workflow.TaskDesk;
import com.imprimatur.workflow.TaskView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /tasks/{id}}: one screen per task type with what the decision needs, and the decision form. */
@Controller
class TaskScreen {

    private final TaskDesk desk;
    private final ArticleService articles;
    private final TaskDecisions decisions;
    private final PlagiarismCheck plagiarism;
    private final Staff staff;
    private final PageModel people;
    private final Markdown markdown;
    private final TaskPages queues;
    private final FactCheck factCheck;
    private final FeedbackTriage feedback;
    private final RevisionDiffs diffs;

    TaskScreen(TaskDesk desk, ArticleService articles, TaskDecisions decisions, PlagiarismCheck plagiarism, Staff staff,
            PageModel people, Markdown markdown, TaskPages queues, FactCheck factCheck, FeedbackTriage feedback,
            RevisionDiffs diffs) {
        this.diffs = diffs;
        this.factCheck = factCheck;
        this.feedback = feedback;
        this.desk = desk;
        this.articles = articles;
        this.decisions = decisions;
        this.plagiarism = plagiarism;
        this.staff = staff;
        this.people = people;
        this.markdown = markdown;
        this.queues = queues;
    }

    /** A matched passage shown side by side: in the revision under check, and in its source. */
    /** A matched passage on the task screen: sourceArticleId null for a registered source (then sourceId is set). */
    record Match(int words, int matchedWords, boolean quoted, Passage here, Passage source, String sourceTitle,
            Long sourceArticleId, Integer sourceRevision, Long sourceId, int revisionStart, int revisionEnd,
            int sourceStart, int sourceEnd) {
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, Model model) {
        StaffMember me = staff.current();
        TaskView task = desk.task(me, id);
        if (!task.kind().decidedOnTheDesk()) {
            return "redirect:/articles/" + task.articleId() + "/edit";
        }
        return screen(me, task, new DecisionForm(), Map.of(), model);
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, @ModelAttribute DecisionForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        StaffMember me = staff.current();
        TaskView task;
        try {
            task = desk.task(me, id);
        } catch (Problem gone) {
            redirect.addFlashAttribute("problem", queues.inWords(gone));
            return "redirect:/tasks";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.getDecision() == null || form.getDecision().isBlank()) {
            errors.put("decision", "Choose a decision.");
        }
        for (DecisionForm.VerdictField v : form.getVerdicts()) {
            if (v.getVerdict() != null && !v.getVerdict().isBlank()
                    && Stream.of(Verdict.values()).noneMatch(known -> known.name().equals(v.getVerdict()))) {
                errors.put("verdict-" + v.getReference(), "Choose one of the verdicts offered.");
            }
        }
        Instant publishAt = null;
        if ("at".equals(form.getWhen())) {
            try {
                publishAt = LocalDateTime.parse(form.getPublishAt() == null ? "" : form.getPublishAt()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                errors.put("publishAt", "Give the date and time (UTC) to publish at, or choose “now”.");
            }
        }
        if (errors.isEmpty()) {
            try {
                desk.complete(me, id, new DecisionRequest(form.getDecision(), form.getComment(), verdicts(form), publishAt));
                redirect.addFlashAttribute("notice", "Decision recorded: " + form.getDecision() + " on “"
                        + task.kind().title() + "” of article " + task.articleId()
                        + ", revision " + task.revision() + ".");
                return "redirect:/tasks";
            } catch (Problem problem) {
                if (problem.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                    redirect.addFlashAttribute("problem", queues.inWords(problem));
                    return "redirect:/tasks";
                }
                errors.putAll(fieldsOf(problem));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return screen(me, task, form, errors, model);
    }

    private String screen(StaffMember me, TaskView task, DecisionForm form, Map<String, String> errors, Model model) {
        ArticleView article = articles.get(me, task.articleId());
        RevisionView revision = articles.revision(me, task.articleId(), task.revision());
        List<DecisionView> history = decisions.ofArticle(me, task.articleId());
        model.addAttribute("task", task);
        TaskKind kind = task.kind();
        model.addAttribute("kind", kind);
        model.addAttribute("typeName", kind.title());
        model.addAttribute("article", article);
        model.addAttribute("revision", revision);
        model.addAttribute("bodyHtml", markdown.html(revision.body()));
        model.addAttribute("decisions", history);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mine", me.username().equals(task.assignee()));
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("options", kind.choices());
        model.addAttribute("findings", findings(me, task));
        List<ReportView> reports = readerReports(me, task, article);
        model.addAttribute("readerReports", reports);
        model.addAttribute("reportPassages", reports.stream().map(r -> passage(revision.body(), r.passage())).toList());
        if (task.revision() > 1) {
            model.addAttribute("diffPrevious", diffs.compare(me, task.articleId(), task.revision() - 1, revision));
        }
        Integer published = article.publishedRevision();
        if (published != null && published != task.revision() && published != task.revision() - 1) {
            model.addAttribute("diffPublished", diffs.compare(me, task.articleId(), published, revision));
        }
        // the plagiarism check's matches: what the finding is about, and what the publisher signs off
        boolean plagiarismShown = kind == TaskKind.RESOLVE_PLAGIARISM || kind == TaskKind.APPROVE_PUBLICATION;
        model.addAttribute("plagiarismFinding", kind == TaskKind.RESOLVE_PLAGIARISM);
        model.addAttribute("publicationApproval", kind == TaskKind.APPROVE_PUBLICATION);
        model.addAttribute("aboutOneReport", task.reportId() != null);
        if (plagiarismShown) {
            PlagiarismReportView report = report(me, task);
            model.addAttribute("report", report);
            model.addAttribute("matches", report == null ? List.of() : matches(me, revision, report));
        }
        if (kind == TaskKind.APPROVE_PUBLICATION) {
            model.addAttribute("approval", history.stream().filter(d -> d.revision() == task.revision()
                    && TaskKind.MEDICAL_REVIEW.is(d.taskKey()) && Decision.APPROVE.is(d.decision())).reduce((a, b) -> b).orElse(null));
            model.addAttribute("dismissal", history.stream().filter(d -> d.revision() == task.revision()
                    && TaskKind.RESOLVE_PLAGIARISM.is(d.taskKey())).reduce((a, b) -> b).orElse(null));
        }
        if (me.has(Role.EDITOR) && !me.username().equals(task.assignee())) {
            model.addAttribute("candidates", desk.candidates(me, task.id()));
        }
        Map<String, String> names = people.names(Stream.concat(Stream.concat(history.stream().map(DecisionView::actor),
                revision.authors().stream()), Stream.of(task.assignee())).toList());
        model.addAttribute("names", names);
        model.addAttribute("authorNames", String.join(", ", revision.authors().stream().map(names::get).toList()));
        return "task";
    }

    /** The automatic fact-check's findings per reference number, in words, beside the physician's verdict controls. */
    private Map<Integer, List<String>> findings(StaffMember me, TaskView task) {
        Map<Integer, List<String>> byReference = new LinkedHashMap<>();
        for (Finding f : factCheck.report(me, task.articleId(), task.revision()).findings()) {
            if (f.reference() != null) {
                byReference.computeIfAbsent(f.reference(), n -> new ArrayList<>())
                        .add(f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.message());
            }
        }
        return byReference;
    }

    /**
     * Readers' reports the decision needs: a triage task's own report; for a review, the reports
     * attached to the review cycle now open (those that reopened it, or joined it).
     */
    private List<ReportView> readerReports(StaffMember me, TaskView task, ArticleView article) {
        List<ReportView> all = feedback.reports(me, task.articleId());
        if (task.reportId() != null) {
            return all.stream().filter(r -> r.id().equals(task.reportId())).toList();
        }
        if (task.kind() != TaskKind.MEDICAL_REVIEW || article.cycle() == null) {
            return List.of();
        }
        return all.stream().filter(r -> article.cycle().id().equals(r.cycleId())).toList();
    }

    /** Where a quoted passage stands in the revision, marked in its context; null when it cannot be found word for word. */
    private static Passage passage(String body, String quoted) {
        if (quoted == null) {
            return null;
        }
        int at = body.toLowerCase(java.util.Locale.ROOT).indexOf(quoted.toLowerCase(java.util.Locale.ROOT));
        return at < 0 ? null : Passage.around(body, at, at + quoted.length());
    }

    private PlagiarismReportView report(StaffMember me, TaskView task) {
        try {
            return plagiarism.report(me, task.articleId(), task.revision());
        } catch (Problem notYet) {
            return null;
        }
    }

    private List<Match> matches(StaffMember me, RevisionView revision, PlagiarismReportView report) {
        List<Match> matches = new ArrayList<>();
        for (PlagiarismReportView.Match m : report.matches()) {
            PlagiarismReportView.Source from = m.source();
            Passage there;
            if (from.articleId() != null) {
                // with its context, when the caller may see the source article; else the matched words alone
                String body = sourceBody(me, from);
                there = body == null ? new Passage("", m.sourceText(), "") : Passage.around(body, m.sourceStart(), m.sourceEnd());
            } else {
                there = new Passage("", m.sourceText() == null ? "" : m.sourceText(), "");
            }
            matches.add(new Match(m.words(), m.matchedWords(), m.quoted(), Passage.around(revision.body(), m.revisionStart(), m.revisionEnd()),
                    there, from.title(), from.articleId(), from.revision(), from.sourceId(), m.revisionStart(), m.revisionEnd(),
                    m.sourceStart(), m.sourceEnd()));
        }
        return matches;
    }

    private String sourceBody(StaffMember me, PlagiarismReportView.Source from) {
        try {
            return articles.revision(me, from.articleId(), from.revision()).body();
        } catch (Problem hidden) {
            return null;
        }
    }

    private static List<DecisionRequest.ReferenceVerdictRequest> verdicts(DecisionForm form) {
        List<DecisionRequest.ReferenceVerdictRequest> given = new ArrayList<>();
        for (DecisionForm.VerdictField v : form.getVerdicts()) {
            if (v.getReference() != null && v.getVerdict() != null && !v.getVerdict().isBlank()) {
                given.add(new DecisionRequest.ReferenceVerdictRequest(v.getReference(), Verdict.valueOf(v.getVerdict()),
                        v.getNote() == null || v.getNote().isBlank() ? null : v.getNote().strip()));
            }
        }
        return given.isEmpty() ? null : given;
    }

    /** The service's refusal, placed next to the field it is about. */
    private static Map<String, String> fieldsOf(Problem problem) {
        String type = problem.type().toString().replaceAll(".*/", "");
        Map<String, String> errors = new LinkedHashMap<>();
        switch (type) {
            case "comment-required" -> errors.put("comment", problem.getMessage());
            case "decision-not-accepted" -> errors.put("decision", problem.getMessage());
            case "references-not-verified", "verdicts-incomplete", "unknown-reference", "duplicate-verdict", "verdicts-not-accepted" -> {
                errors.put("references", problem.getMessage());
                for (String list : List.of("missing", "notVerified")) {
                    if (problem.properties().get(list) instanceof List<?> numbers) {
                        numbers.forEach(n -> errors.put("verdict-" + n, "missing".equals(list)
                                ? "Give this reference a verdict." : "APPROVE needs this reference VERIFIED."));
                    }
                }
            }
            default -> errors.put("form", problem.getMessage());
        }
        return errors;
    }
}
