package com.imprimatur.admin;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ArticleView;
import com.imprimatur.article.RevisionView;
import com.imprimatur.audit.AuditEventView;
import com.imprimatur.audit.AuditLog;
import com.imprimatur.staff.StaffMember;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article's full history for admins: its state, every revision (with its hash and authors), and
 * the timeline of audit events on it, oldest first: submissions, claims, decisions with their
 * verdicts, fact-check and plagiarism results, dismissals, publications, readers' reports and triage.
 */
@Service
@Transactional(readOnly = true)
public class ArticleHistory {

    private final ArticleService articles;
    private final AuditLog audit;

    ArticleHistory(ArticleService articles, AuditLog audit) {
        this.articles = articles;
        this.audit = audit;
    }

    public record RevisionEntry(int number, String title, String changeNote, List<String> authors, String createdBy,
            Instant createdAt, String sha256) {
    }

    public record History(ArticleView article, List<RevisionEntry> revisions, List<AuditEventView> timeline) {
    }

    public History of(StaffMember admin, long articleId) {
        ArticleView article = articles.get(admin, articleId);
        List<RevisionEntry> revisions = articles.history(admin, articleId).stream().map(ArticleHistory::entry).toList();
        return new History(article, revisions, audit.ofArticle(articleId));
    }

    private static RevisionEntry entry(RevisionView r) {
        return new RevisionEntry(r.number(), r.title(), r.changeNote(), r.authors(), r.createdBy(), r.createdAt(), r.sha256());
    }
}
