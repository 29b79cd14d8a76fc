package com.imprimatur.plagiarism;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The plagiarism report of one revision. Offsets are character offsets into the revision body and the source body. */
public record PlagiarismReportView(long articleId, int revision, boolean flagged, BigDecimal similarityPercent,
        int longestPassageWords, int words, Instant checkedAt, List<Match> matches) {

    public record Match(Source source, int words, int revisionStart, int revisionEnd, int sourceStart, int sourceEnd,
            String text) {
    }

    public record Source(String kind, long articleId, int revision) {
    }
}
