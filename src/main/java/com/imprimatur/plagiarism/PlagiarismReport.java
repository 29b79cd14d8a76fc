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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One report per revision; a re-run replaces its content, so re-running never duplicates. A
 * dismissal survives a re-run that finds nothing new ({@link #fill}).
 */
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

    /**
     * Replaces the report's findings with a new run's. An editor's dismissal (with its justification)
     * stays when the new run finds nothing the dismissed report did not already hold — every unquoted
     * passage the same source at the same place in the revision, as in the 12-month re-review of an
     * unchanged revision. A run that finds a new passage clears it: the new finding needs a decision of
     * its own (the earlier dismissal stays in the audit trail, {@code plagiarism.dismissed}).
     */
    void fill(boolean flagged, BigDecimal similarityPercent, int longestPassageWords, int words, int quotedWords,
            int candidates, List<PlagiarismMatch> matches) {
        if (dismissedBy != null && !findings(this.matches).containsAll(findings(matches))) {
            this.dismissalJustification = null;
            this.dismissedBy = null;
            this.dismissedAt = null;
        }
        this.flagged = flagged;
        this.quotedWords = quotedWords;
        this.candidates = candidates;
        this.similarityPercent = similarityPercent;
        this.longestPassageWords = longestPassageWords;
        this.words = words;
        this.checkedAt = Instant.now();
        this.matches.clear();
        this.matches.addAll(matches);
    }

    void dismiss(String editor, String justification) {
        this.dismissedBy = editor;
        this.dismissalJustification = PlagiarismMatch.cut(justification, 8000);
        this.dismissedAt = Instant.now();
    }

    boolean flagged() {
        return flagged;
    }

    private static Set<PlagiarismMatch.Finding> findings(List<PlagiarismMatch> matches) {
        Set<PlagiarismMatch.Finding> found = new HashSet<>();
        for (PlagiarismMatch m : matches) {
            if (!m.quoted()) {
                found.add(m.finding());
            }
        }
        return found;
    }

    PlagiarismReportView view(long articleId, int revision) {
        PlagiarismReportView.Dismissal dismissal = dismissedBy == null ? null
                : new PlagiarismReportView.Dismissal(dismissedBy, dismissedAt, dismissalJustification);
        return new PlagiarismReportView(articleId, revision, flagged, similarityPercent, longestPassageWords, words,
                quotedWords, candidates, checkedAt, dismissal, matches.stream().map(PlagiarismMatch::view).toList());
    }
}
