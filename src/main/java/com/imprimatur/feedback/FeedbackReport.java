package com.imprimatur.feedback;

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
import java.util.UUID;

/** A reader's report on a published revision; stored before it is acknowledged. */
@Entity
@Table(name = "feedback_report")
class FeedbackReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, columnDefinition = "char(36)")
    private String publicId;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(name = "revision_number", nullable = false)
    private int revisionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportReason reason;

    private String comment;

    private String passage;

    private String email;

    @Column(name = "client_hash", nullable = false, columnDefinition = "char(64)")
    private String clientHash;

    @Column(name = "dedupe_key", columnDefinition = "char(64)")
    private String dedupeKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportState state;

    @Column(name = "cycle_id")
    private String cycleId;

    @Column(name = "triaged_by")
    private String triagedBy;

    @Column(name = "triage_note")
    private String triageNote;

    @Column(name = "triaged_at")
    private Instant triagedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected FeedbackReport() {
    }

    FeedbackReport(long articleId, int revisionNumber, ReportReason reason, String comment, String passage,
            String email, String clientHash, String dedupeKey) {
        this.publicId = UUID.randomUUID().toString();
        this.articleId = articleId;
        this.revisionNumber = revisionNumber;
        this.reason = reason;
        this.comment = comment;
        this.passage = passage;
        this.email = email;
        this.clientHash = clientHash;
        this.dedupeKey = dedupeKey;
        this.state = ReportState.RECEIVED;
        this.createdAt = Instant.now();
    }

    void reopened(String cycleId, String editor) {
        this.state = ReportState.REVIEW_REOPENED;
        this.cycleId = cycleId;
        triaged(editor, null);
    }

    void dismissed(String editor, String reason) {
        this.state = ReportState.DISMISSED;
        triaged(editor, reason);
    }

    private void triaged(String editor, String note) {
        this.triagedBy = editor;
        this.triageNote = note;
        this.triagedAt = Instant.now();
    }

    String publicId() {
        return publicId;
    }

    int revisionNumber() {
        return revisionNumber;
    }

    long articleId() {
        return articleId;
    }

    /** The reader's address, if they left one (for the mail that tells them the outcome). */
    String email() {
        return email;
    }

    ReportView view(boolean withContact) {
        return new ReportView(publicId, articleId, revisionNumber, reason, comment, passage,
                withContact ? email : null, state, cycleId, triagedBy, triageNote, triagedAt, createdAt);
    }
}
