package com.imprimatur.feedback;

import com.imprimatur.route.Decision;
import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ReviewRoute;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.notification.Notifications;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffMember;
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
    private final Notifications notifications;

    FeedbackTriage(FeedbackReports reports, ArticleService articles, AuditTrail audit, Notifications notifications) {
        this.reports = reports;
        this.articles = articles;
        this.audit = audit;
        this.notifications = notifications;
    }

    public void reopenReview(String reportId, String editor) {
        FeedbackReport report = report(reportId);
        String cycle = articles.reopenReview(report.articleId(), ReviewRoute.CycleReason.READER_REPORT);
        report.reopened(cycle, editor);
        audit.recordAs(editor, "report.triaged", report.articleId(), report.revisionNumber(),
                java.util.Map.of("reportId", reportId, "outcome", Decision.REOPEN_REVIEW.name(), "cycleId", cycle));
        tellReader(report, "Your report: the article is being reviewed again", "Thank you for your report. Our editors agreed "
                + "that it needs a closer look: a physician is reviewing the article again, and the page will show the new "
                + "review date once that is done.");
    }

    public void dismiss(String reportId, String editor, String reason) {
        FeedbackReport report = report(reportId);
        report.dismissed(editor, reason);
        audit.recordAs(editor, "report.dismissed", report.articleId(), report.revisionNumber(),
                java.util.Map.of("reportId", reportId, "outcome", Decision.DISMISS.name(), "justification", reason == null ? "" : reason));
        tellReader(report, "Your report: the article stays as it is", "Thank you for your report. Our editors checked the "
                + "article against it and decided that it does not need to change for now. We read every report, and yours "
                + "stays on record for the article's next review.");
    }

    /** The reader who left an address is told the outcome in plain words, never the editors' internal note. */
    private void tellReader(FeedbackReport report, String subject, String body) {
        if (report.email() != null) {
            notifications.tellReader("report:" + report.publicId() + ":outcome", report.email(),
                    new Notifications.Message(subject, body, "/public/articles/" + articles.slugOf(report.articleId())));
        }
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
