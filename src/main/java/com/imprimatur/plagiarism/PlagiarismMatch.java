package com.imprimatur.plagiarism;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A matched passage: where it is in the checked revision and in the source, and its text in both. */
@Embeddable
class PlagiarismMatch {

    static final String ARTICLE = "ARTICLE";
    static final String SOURCE = "SOURCE";
    private static final int MAX_TEXT = 8000;

    @Column(name = "source_kind", nullable = false)
    private String sourceKind;

    @Column(name = "source_article_id")
    private Long sourceArticleId;

    @Column(name = "source_revision")
    private Integer sourceRevision;

    @Column(name = "source_id")
    private Long sourceId;

    @Column(name = "source_title")
    private String sourceTitle;

    @Column(nullable = false)
    private int words;

    @Column(name = "matched_words", nullable = false)
    private int matchedWords;

    @Column(nullable = false)
    private boolean quoted;

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

    @Column(name = "source_text", columnDefinition = "text")
    private String sourceText;

    protected PlagiarismMatch() {
    }

    PlagiarismMatch(PlagiarismReportView.Source source, int words, int matchedWords, boolean quoted,
            int revisionStart, int revisionEnd, int sourceStart, int sourceEnd, String matchedText, String sourceText) {
        this.sourceKind = "source".equals(source.kind()) ? SOURCE : ARTICLE;
        this.sourceArticleId = source.articleId();
        this.sourceRevision = source.revision();
        this.sourceId = source.sourceId();
        this.sourceTitle = cut(source.title(), 500);
        this.words = words;
        this.matchedWords = matchedWords;
        this.quoted = quoted;
        this.revisionStart = revisionStart;
        this.revisionEnd = revisionEnd;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
        this.matchedText = cut(matchedText, MAX_TEXT);
        this.sourceText = cut(sourceText, MAX_TEXT);
    }

    /** What identifies a passage as the same finding in another run: its source and where it lies in the revision. */
    record Finding(String sourceKind, Long sourceArticleId, Integer sourceRevision, Long sourceId, int revisionStart, int revisionEnd) {
    }

    Finding finding() {
        return new Finding(sourceKind, sourceArticleId, sourceRevision, sourceId, revisionStart, revisionEnd);
    }

    /**
     * The text, or its first max - 1 chars and an ellipsis; the cut backs off one char rather than
     * split a surrogate pair (an emoji, a character outside the BMP).
     */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    boolean quoted() {
        return quoted;
    }

    int words() {
        return words;
    }

    PlagiarismReportView.Match view() {
        PlagiarismReportView.Source source = SOURCE.equals(sourceKind)
                ? new PlagiarismReportView.Source("source", null, null, sourceId, sourceTitle)
                : new PlagiarismReportView.Source("article", sourceArticleId, sourceRevision, null, sourceTitle);
        return new PlagiarismReportView.Match(source, words, matchedWords, quoted, revisionStart, revisionEnd,
                sourceStart, sourceEnd, matchedText, sourceText);
    }
}
