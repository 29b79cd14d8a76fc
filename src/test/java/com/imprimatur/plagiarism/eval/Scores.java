package com.imprimatur.plagiarism.eval;

import java.util.Map;

/**
 * The result of scoring a detector on a set of cases.
 *
 * @param byObfuscation PAN measures per {@link Obfuscation} name and over all cases ({@code "ALL"})
 * @param byLength PAN measures per passage-length band: {@code "50-150"}, {@code "150-500"}, {@code "500+"} words
 * @param flags case-level flag figures
 */
public record Scores(Map<String, Measures> byObfuscation, Map<String, Measures> byLength, Flags flags) {

    public static final String ALL = "ALL";

    /**
     * PAN's character-level measures (Potthast et al. 2010) over one subset.
     *
     * @param cases evaluation cases in the subset
     * @param passages plagiarism passages (truth, quoted-and-cited ones excluded) in the subset
     * @param detections detections in the subset
     */
    public record Measures(double precision, double recall, double granularity, double plagdet,
            int cases, int passages, int detections) {
    }

    /**
     * Whether whole cases flag as they should.
     *
     * @param reuseCases cases with at least one passage that is not quoted and cited
     * @param flaggedReuseCases of those, flagged
     * @param noReuseCases the other cases (plain, or with quoted-and-cited passages only)
     * @param flaggedNoReuseCases of those, flagged: false positives
     * @param flagPrecision flagged reuse cases over all flagged cases (1 when nothing flagged)
     * @param flagRecall flagged reuse cases over reuse cases
     * @param falsePositiveRate flagged no-reuse cases over no-reuse cases
     * @param quotedPassages quoted-and-cited passages in all cases
     * @param quotedPassagesDetected of those, overlapped by some detection (should be none)
     * @param quotedOnlyCasesFlagged cases whose only truth is quoted and cited, yet flagged (should be none)
     */
    public record Flags(int reuseCases, int flaggedReuseCases, int noReuseCases, int flaggedNoReuseCases,
            double flagPrecision, double flagRecall, double falsePositiveRate,
            int quotedPassages, int quotedPassagesDetected, int quotedOnlyCasesFlagged) {
    }
}
