package com.imprimatur.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A health article: a stable id and slug, its revisions elsewhere, at most one published revision. */
@Entity
@Table(name = "article")
class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArticleStatus status;

    @Column(name = "current_revision", nullable = false)
    private int currentRevision;

    @Column(name = "published_revision")
    private Integer publishedRevision;

    @Column(name = "first_published_at")
    private Instant firstPublishedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "last_reviewed_at")
    private Instant lastReviewedAt;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Column(name = "withdrawn_reason")
    private String withdrawnReason;

    @Version
    private long version;

    protected Article() {
    }

    Article(String slug, String createdBy) {
        this.slug = slug;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.status = ArticleStatus.IN_REVIEW;
        this.currentRevision = 0;
    }

    int nextRevision() {
        currentRevision += 1;
        return currentRevision;
    }

    void status(ArticleStatus status) {
        this.status = status;
    }

    /**
     * A re-reviewed revision published again keeps its "last modified": only the review is new. A
     * publication ends a withdrawal: the article is live again.
     */
    void published(int revision, String reviewer, Instant reviewedAt, Instant at) {
        if (publishedRevision == null || publishedRevision != revision) {
            this.publishedAt = at;
        }
        this.publishedRevision = revision;
        this.reviewedBy = reviewer;
        this.lastReviewedAt = reviewedAt;
        if (firstPublishedAt == null) {
            firstPublishedAt = at;
        }
        this.status = ArticleStatus.PUBLISHED;
        this.withdrawnAt = null;
        this.withdrawnBy = null;
        this.withdrawnReason = null;
    }

    /** A cycle that ended without publishing leaves a published revision live, and a withdrawn article offline. */
    void cycleEndedUnpublished() {
        if (withdrawn()) {
            this.status = ArticleStatus.WITHDRAWN;
        } else {
            this.status = publishedRevision == null ? ArticleStatus.REJECTED : ArticleStatus.PUBLISHED;
        }
    }

    /** Offline until a revision is published again; the publication data stay as they were. */
    void withdraw(String editor, String reason, Instant at) {
        this.status = ArticleStatus.WITHDRAWN;
        this.withdrawnAt = at;
        this.withdrawnBy = editor;
        this.withdrawnReason = reason;
    }

    boolean withdrawn() {
        return withdrawnAt != null;
    }

    Long id() {
        return id;
    }

    String slug() {
        return slug;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    ArticleStatus status() {
        return status;
    }

    int currentRevision() {
        return currentRevision;
    }

    Integer publishedRevision() {
        return publishedRevision;
    }

    Instant firstPublishedAt() {
        return firstPublishedAt;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    Instant lastReviewedAt() {
        return lastReviewedAt;
    }

    String reviewedBy() {
        return reviewedBy;
    }

    Instant withdrawnAt() {
        return withdrawnAt;
    }

    String withdrawnBy() {
        return withdrawnBy;
    }

    String withdrawnReason() {
        return withdrawnReason;
    }
}
