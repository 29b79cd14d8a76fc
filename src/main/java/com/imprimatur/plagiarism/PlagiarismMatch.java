package com.imprimatur.plagiarism;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A matched passage: where it is in the checked revision and in the source, and its text. */
@Embeddable
class PlagiarismMatch {

    @Column(name = "source_article_id", nullable = false)
    private long sourceArticleId;

    @Column(name = "source_revision", nullable = false)
    private int sourceRevision;

    @Column(nullable = false)
    private int words;

    @Column(name = "revision_start", nullable = false)
    private int revisionStart;

    @Column(name = "revision_end", nullable = false)
    private int revisionEnd;

    @Column(name = "source_start", nullable = false)
    private int sourceStart;

    @Column(name = "source_end", nullable = false)
    private int sourceEnd;

    @Column(name = "matched_text", nullable = false)
    private String matchedText;

    protected PlagiarismMatch() {
    }

    PlagiarismMatch(long sourceArticleId, int sourceRevision, int words, int revisionStart, int revisionEnd,
            int sourceStart, int sourceEnd, String matchedText) {
        this.sourceArticleId = sourceArticleId;
        this.sourceRevision = sourceRevision;
        this.words = words;
        this.revisionStart = revisionStart;
        this.revisionEnd = revisionEnd;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
        this.matchedText = matchedText.length() > 8000 ? matchedText.substring(0, 7999) + "…" : matchedText;
    }

    PlagiarismReportView.Match view() {
        return new PlagiarismReportView.Match(new PlagiarismReportView.Source("article", sourceArticleId, sourceRevision),
                words, revisionStart, revisionEnd, sourceStart, sourceEnd, matchedText);
    }
}
