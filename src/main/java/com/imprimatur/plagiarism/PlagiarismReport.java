package com.imprimatur.plagiarism;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One report per revision; a re-run replaces its content, so re-running never duplicates. */
@Entity
@Table(name = "plagiarism_report")
class PlagiarismReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "revision_id", nullable = false, unique = true)
    private long revisionId;

    private boolean flagged;

    @Column(name = "similarity_percent", nullable = false)
    private BigDecimal similarityPercent;

    @Column(name = "longest_passage_words", nullable = false)
    private int longestPassageWords;

    @Column(nullable = false)
    private int words;

    @Column(name = "quoted_words", nullable = false)
    private int quotedWords;

    @Column(nullable = false)
    private int candidates;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @Column(name = "dismissal_justification")
    private String dismissalJustification;

    @Column(name = "dismissed_by")
    private String dismissedBy;

    @Column(name = "dismissed_at")
    private Instant dismissedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plagiarism_match", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    private List<PlagiarismMatch> matches = new ArrayList<>();

    protected PlagiarismReport() {
    }

    PlagiarismReport(long revisionId) {
        this.revisionId = revisionId;
    }

    /** Replaces the report's findings with a new run's; a dismissal of an earlier finding does not carry over. */
    void fill(boolean flagged, BigDecimal similarityPercent, int longestPassageWords, int words, int quotedWords,
            int candidates, List<PlagiarismMatch> matches) {
        this.flagged = flagged;
        this.quotedWords = quotedWords;
        this.candidates = candidates;
        this.dismissalJustification = null;
        this.dismissedBy = null;
        this.dismissedAt = null;
        this.similarityPercent = similarityPercent;
        this.longestPassageWords = longestPassageWords;
        this.words = words;
        this.checkedAt = Instant.now();
        this.matches.clear();
        this.matches.addAll(matches);
    }

    void dismiss(String editor, String justification) {
        this.dismissedBy = editor;
        this.dismissalJustification = justification.length() > 8000 ? justification.substring(0, 7999) + "…" : justification;
        this.dismissedAt = Instant.now();
    }

    boolean flagged() {
        return flagged;
    }

    PlagiarismReportView view(long articleId, int revision) {
        PlagiarismReportView.Dismissal dismissal = dismissedBy == null ? null
                : new PlagiarismReportView.Dismissal(dismissedBy, dismissedAt, dismissalJustification);
        return new PlagiarismReportView(articleId, revision, flagged, similarityPercent, longestPassageWords, words,
                quotedWords, candidates, checkedAt, dismissal, matches.stream().map(PlagiarismMatch::view).toList());
    }
}
