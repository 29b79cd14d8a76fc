package com.imprimatur.article;

import com.imprimatur.audit.AuditTrail;
import com.imprimatur.notification.Kind;
import com.imprimatur.notification.Notifications;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.webhook.WebhookOutbox;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Articles and their revisions: writing, submitting, who may see what, and the lifecycle marks. */
@Service
@Transactional
public class ArticleService {

    /** The column's size (article.withdrawn_reason). */
    private static final int MAX_WITHDRAWAL_REASON = 2000;

    private final Articles articles;
    private final Revisions revisions;
    private final RevisionMemory memory;
    private final ReviewRoute route;
    private final AuditTrail audit;
    private final WebhookOutbox webhooks;
    private final Notifications notifications;
    private final EntityManager entities;

    ArticleService(Articles articles, Revisions revisions, ReviewRoute route, AuditTrail audit, WebhookOutbox webhooks,
            Notifications notifications, RevisionMemory memory, EntityManager entities) {
        this.articles = articles;
        this.entities = entities;
        this.memory = memory;
        this.revisions = revisions;
        this.route = route;
        this.audit = audit;
        this.webhooks = webhooks;
        this.notifications = notifications;
    }

    /** A writer starts an article with its first revision, which starts a review cycle. */
    public ArticleView create(StaffMember writer, RevisionContent content) {
        if (!writer.has(Role.WRITER)) {
            throw Problem.forbidden("not-a-writer", "Only writers create articles.");
        }
        Article fresh = new Article(uniqueSlug(content.title()), writer.username());
        int first = fresh.nextRevision(); // before the insert, which so carries it: no update of the new row at the flush
        Article article = articles.save(fresh);
        Revision revision = addRevision(article, first, content, writer.username(), List.of());
        audit.record("article.created", article.id(), null, Map.of("slug", article.slug()));
        submitted(revision);
        route.firstRevision(revision.view());
        return view(article, revision.view().title(), null, List.of());
    }

    /** An author or an editor submits the next revision: 409 while the open cycle is not waiting for one. */
    public ArticleView submit(StaffMember caller, long articleId, RevisionContent content) {
        Article article = locked(visibleArticle(caller, articleId));
        List<Revision> history = revisions.findByArticleIdOrderByNumber(articleId);
        Revision latest = history.get(history.size() - 1);
        boolean author = isAuthor(article, history, caller.username());
        if (!author && !caller.has(Role.EDITOR)) {
            throw Problem.forbidden("not-an-author", "Only the article's authors and editors submit revisions.");
        }
        if (!route.acceptsRevision(articleId)) {
            throw Problem.conflict("cycle-not-waiting",
                    "Article " + articleId + " is in " + article.status() + "; a new revision is accepted only while the review cycle waits for changes, or when no cycle is open.");
        }
        Revision revision = addRevision(article, article.nextRevision(), content, caller.username(), latest.authors());
        submitted(revision);
        route.revisionSubmitted(revision.view());
        return view(article, revision.view().title(), null, List.of());
    }

    /**
     * Reopens review of the article's published revision (or joins its open cycle); returns the
     * cycle's id. 409 when nothing of the article is published, or when an editor withdrew it.
     */
    public String reopenReview(long articleId, ReviewRoute.CycleReason because) {
        Article article = locked(article(articleId));
        if (article.publishedRevision() == null) {
            throw Problem.conflict("not-published", "Article " + articleId + " has no published revision to re-review.");
        }
        if (article.withdrawn()) {
            throw Problem.conflict("article-withdrawn", "Article " + articleId + " was withdrawn on " + article.withdrawnAt()
                    + "; its published revision is offline and is not reviewed again. Dismiss the report, or submit a new revision.");
        }
        String cycle = route.reopen(revision(articleId, article.publishedRevision()), because);
        audit.record("review.reopened", articleId, article.publishedRevision(),
                Map.of("because", because.name(), "cycleId", cycle));
        webhooks.articleEvent(WebhookOutbox.REVIEW_REOPENED, articleId, article.slug(), article.publishedRevision(),
                Map.of("because", because.name()));
        return cycle;
    }

    /**
     * Published articles with no open cycle whose last review was before {@code reviewedBefore}, oldest
     * first (withdrawn articles are not PUBLISHED, so never due).
     */
    @Transactional(readOnly = true)
    public List<Long> dueForReReview(Instant reviewedBefore, int limit) {
        return articles.findDueForReReview(ArticleStatus.PUBLISHED, reviewedBefore,
                org.springframework.data.domain.PageRequest.of(0, limit));
    }

    @Transactional(readOnly = true)
    public List<ArticleView> list(StaffMember caller, boolean mine, ArticleStatus status) {
        List<Article> found;
        if (mine || !(caller.has(Role.EDITOR) || caller.has(Role.ADMIN) || caller.has(Role.MEDICAL_REVIEWER))) {
            found = articles.findAuthoredBy(caller.username());
        } else if (caller.has(Role.EDITOR) || caller.has(Role.ADMIN)) {
            found = articles.findAllByOrderByIdDesc();
        } else {
            // as maySee: in review or published (a withdrawn draft is neither)
            Set<Article> union = new LinkedHashSet<>(articles.findByStatusNotOrPublishedRevisionNotNullOrderByIdDesc(ArticleStatus.REJECTED)
                    .stream().filter(a -> a.status().cycleOpen() || a.publishedRevision() != null).toList());
            union.addAll(articles.findAuthoredBy(caller.username()));
            found = new ArrayList<>(union);
        }
        return found.stream()
                .filter(a -> status == null || a.status() == status)
                .map(a -> view(a, listedTitle(a), null, null))
                .toList();
    }

    /**
     * The current revision's title for a list: from the revision memory when it is there, else its
     * title alone. A list does not fill the memory: an editor's list of every article would push out
     * the revisions the route is working on, body and all.
     */
    private String listedTitle(Article article) {
        RevisionView known = memory.get(article.id(), article.currentRevision());
        return known != null ? known.title() : revisions.titleOf(article.id(), article.currentRevision()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ArticleView get(StaffMember caller, long articleId) {
        Article article = visibleArticle(caller, articleId);
        // the title from the revision memory: a revision never changes, and the editors' and the CMS's
        // polls of an article read it again and again (three statements each)
        return view(article, revision(articleId, article.currentRevision()).title(), route.openCycle(articleId).orElse(null),
                route.openTasks(articleId));
    }

    @Transactional(readOnly = true)
    public List<RevisionView> history(StaffMember caller, long articleId) {
        visibleArticle(caller, articleId);
        return revisions.findByArticleIdOrderByNumber(articleId).stream().map(Revision::view).toList();
    }

    @Transactional(readOnly = true)
    public RevisionView revision(StaffMember caller, long articleId, int number) {
        visibleArticle(caller, articleId);
        return revision(articleId, number);
    }

    /** For other modules, which check access themselves or act for the engine. */
    @Transactional(readOnly = true)
    public RevisionView revision(long articleId, int number) {
        RevisionView known = memory.get(articleId, number);
        if (known != null) {
            return known;
        }
        RevisionView read = revisions.findByArticleIdAndNumber(articleId, number).map(Revision::view)
                .orElseThrow(() -> Problem.notFound("Revision " + number + " of article " + articleId));
        memory.remember(read);
        return read;
    }

    /** Whether the caller may submit the article's next revision: one of its authors, or an editor (404 unless visible). */
    @Transactional(readOnly = true)
    public boolean maySubmit(StaffMember caller, long articleId) {
        Article article = visibleArticle(caller, articleId);
        return caller.has(Role.EDITOR) || isAuthor(article, revisions.findByArticleIdOrderByNumber(articleId), caller.username());
    }

    /** Whether the open cycle would take a new revision now (none open, or the open one waits in "revise"). */
    @Transactional(readOnly = true)
    public boolean acceptsRevision(long articleId) {
        return route.acceptsRevision(articleId);
    }

    /** 404 unless the caller may see the article (editors and admins all; authors theirs; physicians those in review or published). */
    @Transactional(readOnly = true)
    public void requireVisible(StaffMember caller, long articleId) {
        visibleArticle(caller, articleId);
    }

    /**
     * The live revision by the article's slug; empty when there is none (never published: readers never
     * knew it), {@link ArticleGone} (410) when an editor withdrew the published one.
     */
    @Transactional(readOnly = true)
    public Optional<PublishedArticle> publishedBySlug(String typed) {
        String slug = Slugs.canonical(typed);
        if (slug == null) {
            return Optional.empty();
        }
        Optional<Article> found = articles.findBySlug(slug).filter(a -> a.publishedRevision() != null);
        if (found.isPresent() && found.get().withdrawn()) {
            throw new ArticleGone(found.get().withdrawnAt());
        }
        return found.map(a -> new PublishedArticle(
                a.id(), a.slug(), revision(a.id(), a.publishedRevision()), a.firstPublishedAt(), a.publishedAt(),
                a.lastReviewedAt(), a.reviewedBy()));
    }

    /**
     * An editor takes the article offline: its published revision answers 410 to readers, its open
     * review cycles end with their tasks, the row keeps its publication data and the audit says who
     * withdrew it and why. 403 for anyone but an editor, 422 without a reason, 404 for an article the
     * editor cannot see, 409 when it is already withdrawn. A new revision may be submitted afterwards;
     * its publication puts the article live again.
     */
    public ArticleView withdraw(StaffMember editor, long articleId, String reason) {
        if (!editor.has(Role.EDITOR)) {
            throw Problem.forbidden("not-an-editor", "Only editors withdraw articles.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_WITHDRAWAL_REASON) {
            String message = why.isEmpty() ? "say why the article is withdrawn" : "at most 2,000 characters";
            throw Problem.invalid("invalid-content", "reason: " + message)
                    .with("errors", List.of(Map.of("field", "reason", "message", message)));
        }
        Article article = visibleArticle(editor, articleId);
        if (article.withdrawn()) {
            throw Problem.conflict("already-withdrawn", "Article " + articleId + " was already withdrawn on "
                    + article.withdrawnAt() + " by " + article.withdrawnBy() + "; it stays offline until a revision is published again.");
        }
        ArticleStatus before = article.status();
        Optional<ReviewRoute.Cycle> cycle = route.openCycle(articleId);
        route.endCycles(articleId, "Article withdrawn by " + editor.username() + ": " + why);
        article.withdraw(editor.username(), why, Instant.now());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", why);
        details.put("from", before.name());
        if (article.publishedRevision() != null) {
            details.put("offline", article.publishedRevision());
        }
        cycle.ifPresent(c -> details.put("endedCycleId", c.id()));
        audit.recordAs(editor.username(), "article.withdrawn", articleId, article.publishedRevision(), details);
        webhooks.articleEvent(WebhookOutbox.ARTICLE_WITHDRAWN, articleId, article.slug(), article.publishedRevision(),
                Map.of("reason", why));
        return get(editor, articleId);
    }

    public void markStatus(long articleId, ArticleStatus status) {
        Article article = article(articleId);
        ArticleStatus before = article.status();
        article.status(status);
        if (before != status) {
            audit.record("article.status-changed", articleId, article.currentRevision(),
                    Map.of("from", before.name(), "to", status.name()));
        }
    }

    public void cycleEndedUnpublished(long articleId) {
        Article article = article(articleId);
        ArticleStatus before = article.status();
        article.cycleEndedUnpublished();
        audit.record("cycle.ended-unpublished", articleId, article.currentRevision(),
                Map.of("from", before.name(), "to", article.status().name()));
    }

    /** The article's slug, for links to its public page. */
    @Transactional(readOnly = true)
    public String slugOf(long articleId) {
        return article(articleId).slug();
    }

    /** The revision goes live: reviewed by {@code reviewer}, last reviewed at the medical approval. */
    public void published(long articleId, int number, String reviewer, Instant reviewedAt) {
        Article article = article(articleId);
        article.published(number, reviewer, reviewedAt, Instant.now());
        audit.record("revision.published", articleId, number, Map.of("reviewedBy", reviewer, "lastReviewed", reviewedAt));
        webhooks.articleEvent(WebhookOutbox.ARTICLE_PUBLISHED, articleId, article.slug(), number,
                Map.of("reviewedBy", reviewer, "lastReviewed", reviewedAt.toString()));
        RevisionView live = revision(articleId, number);
        notifications.tell(Kind.DECISION, "published:" + articleId + ":" + number, live.authors(), new Notifications.Message(
                "Published: “" + live.title() + "” (revision " + number + ")", "“" + live.title() + "” (revision " + number
                        + ") is live for readers.", "/public/articles/" + article.slug()));
    }

    /**
     * Whether revision {@code number}, medically approved at {@code approvedAt}, may still go live
     * when its publication comes: no revision as new is live already, and the article was not
     * withdrawn after that approval (an approval older than the withdrawal does not bring it back).
     */
    @Transactional(readOnly = true)
    public boolean publishable(long articleId, int number, Instant approvedAt) {
        Article article = article(articleId);
        boolean newer = article.publishedRevision() == null || article.publishedRevision() < number;
        boolean withdrawnSince = article.withdrawn() && (approvedAt == null || approvedAt.isBefore(article.withdrawnAt()));
        return newer && !withdrawnSince;
    }

    private void submitted(Revision revision) {
        RevisionView view = revision.view();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sha256", view.sha256());
        details.put("title", view.title());
        details.put("authors", view.authors());
        details.put("references", view.references().size());
        if (view.changeNote() != null) {
            details.put("changeNote", view.changeNote());
        }
        audit.record("revision.submitted", view.articleId(), view.number(), details);
    }

    private Article article(long articleId) {
        return articles.findById(articleId).orElseThrow(() -> Problem.notFound("Article " + articleId));
    }

    /**
     * The article read again with its row locked until the commit, so that two reopens or two
     * submissions at once, on any nodes, are taken one after the other: the second sees the cycle the
     * first opened (READ COMMITTED reads it once the first has committed) instead of opening another.
     */
    private Article locked(Article article) {
        entities.refresh(article, LockModeType.PESSIMISTIC_WRITE);
        return article;
    }

    private Article visibleArticle(StaffMember caller, long articleId) {
        Article article = articles.findById(articleId).orElse(null);
        if (article == null || !maySee(caller, article)) {
            throw Problem.notFound("Article " + articleId);
        }
        return article;
    }

    private boolean maySee(StaffMember caller, Article article) {
        if (caller.has(Role.EDITOR) || caller.has(Role.ADMIN)) {
            return true;
        }
        if (caller.has(Role.MEDICAL_REVIEWER) && (article.status().cycleOpen() || article.publishedRevision() != null)) {
            return true;
        }
        return isAuthor(article, revisions.findByArticleIdOrderByNumber(article.id()), caller.username());
    }

    private static boolean isAuthor(Article article, List<Revision> history, String username) {
        return article.createdBy().equals(username) || history.stream().anyMatch(r -> r.authors().contains(username));
    }

    /** Authorship accumulates: the authors of revision n are those of n-1 and whoever submitted n. */
    private Revision addRevision(Article article, int number, RevisionContent content, String submitter, List<String> previousAuthors) {
        List<String> authors = new ArrayList<>(previousAuthors);
        if (!authors.contains(submitter)) {
            authors.add(submitter);
        }
        Revision saved = revisions.save(new Revision(article.id(), number, content, submitter, authors));
        memory.remember(saved.view()); // as written: kept for all once this transaction commits, never if it rolls back
        return saved;
    }

    private ArticleView view(Article a, String title, ReviewRoute.Cycle cycle, List<ReviewRoute.OpenTask> tasks) {
        return new ArticleView(a.id(), a.slug(), title, a.status(), a.currentRevision(),
                a.publishedRevision(), a.createdBy(), a.createdAt(), a.publishedAt(), a.lastReviewedAt(),
                a.reviewedBy(), cycle, tasks,
                a.withdrawn() ? new ArticleView.Withdrawal(a.withdrawnBy(), a.withdrawnAt(), a.withdrawnReason()) : null);
    }

    private String uniqueSlug(String title) {
        String base = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "article";
        }
        String slug = base;
        for (int n = 2; articles.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
