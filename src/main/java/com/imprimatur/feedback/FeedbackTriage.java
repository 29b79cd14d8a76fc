package com.imprimatur.feedback;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ReviewRoute;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.problem.Problem;
import com.imprimatur.security.Role;
import com.imprimatur.security.StaffMember;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An editor's triage of a report: reopen review (or join the open cycle), or dismiss with a reason. */
@Service
@Transactional
public class FeedbackTriage {

    private final FeedbackReports reports;
    private final ArticleService articles;
    private final AuditTrail audit;

    FeedbackTriage(FeedbackReports reports, ArticleService articles, AuditTrail audit) {
        this.reports = reports;
        this.articles = articles;
        this.audit = audit;
    }

    public void reopenReview(String reportId, String editor) {
        FeedbackReport report = report(reportId);
        String cycle = articles.reopenReview(report.articleId(), ReviewRoute.CycleReason.READER_REPORT);
        report.reopened(cycle, editor);
        audit.recordAs(editor, "report.triaged", report.articleId(), report.revisionNumber(),
                java.util.Map.of("reportId", reportId, "outcome", "REOPEN_REVIEW", "cycleId", cycle));
    }

    public void dismiss(String reportId, String editor, String reason) {
        FeedbackReport report = report(reportId);
        report.dismissed(editor, reason);
        audit.recordAs(editor, "report.dismissed", report.articleId(), report.revisionNumber(),
                java.util.Map.of("reportId", reportId, "outcome", "DISMISS", "justification", reason == null ? "" : reason));
    }

    /** The reports on an article, newest first; the readers' e-mail addresses only for editors. */
    @Transactional(readOnly = true)
    public List<ReportView> reports(StaffMember caller, long articleId) {
        articles.requireVisible(caller, articleId);
        boolean editor = caller.has(Role.EDITOR);
        return reports.findByArticleIdOrderByCreatedAtDesc(articleId).stream().map(r -> r.view(editor)).toList();
    }

    private FeedbackReport report(String reportId) {
        return reports.findByPublicId(reportId).orElseThrow(() -> Problem.notFound("Report " + reportId));
    }
}
