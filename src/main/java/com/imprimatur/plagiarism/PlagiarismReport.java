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

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plagiarism_match", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    private List<PlagiarismMatch> matches = new ArrayList<>();

    protected PlagiarismReport() {
    }

    PlagiarismReport(long revisionId) {
        this.revisionId = revisionId;
    }

    void fill(boolean flagged, BigDecimal similarityPercent, int longestPassageWords, int words,
            List<PlagiarismMatch> matches) {
        this.flagged = flagged;
        this.similarityPercent = similarityPercent;
        this.longestPassageWords = longestPassageWords;
        this.words = words;
        this.checkedAt = Instant.now();
        this.matches.clear();
        this.matches.addAll(matches);
    }

    boolean flagged() {
        return flagged;
    }

    PlagiarismReportView view(long articleId, int revision) {
        return new PlagiarismReportView(articleId, revision, flagged, similarityPercent, longestPassageWords, words,
                checkedAt, matches.stream().map(PlagiarismMatch::view).toList());
    }
}
