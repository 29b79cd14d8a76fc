package com.imprimatur.plagiarism;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The plagiarism report of one revision. Offsets are character offsets into the revision body and
 * into the source's text (the source revision's body, or the registered source's text).
 * {@code similarityPercent} counts the words in unquoted passages; quoted-and-cited passages are
 * listed with {@code quoted = true} and never flag.
 */
public record PlagiarismReportView(long articleId, int revision, boolean flagged, BigDecimal similarityPercent,
        int longestPassageWords, int words, int quotedWords, int candidates, Instant checkedAt, Dismissal dismissal,
        List<Match> matches) {

    /** words: the passage's length in this revision; matchedWords: those of them in fragments identical to the source. */
    public record Match(Source source, int words, int matchedWords, boolean quoted, int revisionStart, int revisionEnd,
            int sourceStart, int sourceEnd, String text, String sourceText) {
    }

    /** kind "article" (articleId, revision) or "source" (sourceId); title of either. */
    public record Source(String kind, Long articleId, Integer revision, Long sourceId, String title) {
    }

    /** An editor's dismissal of the finding, with the justification given. */
    public record Dismissal(String by, Instant at, String justification) {
    }
}
