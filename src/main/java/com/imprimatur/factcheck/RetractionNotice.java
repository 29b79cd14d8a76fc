package com.imprimatur.factcheck;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One notice of the Retraction Watch database about an original paper, found by that paper's DOI
 * or PMID ({@code matchedOn}).
 */
public record RetractionNotice(Nature nature, String natureText, LocalDate date, String reason, String noticeDoi,
        String recordId, String title, String matchedOn) {

    /** What the notice does to the paper. */
    public enum Nature {
        RETRACTION, EXPRESSION_OF_CONCERN, CORRECTION, REINSTATEMENT, OTHER;

        static Nature of(String text) {
            String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
            if (t.contains("reinstat")) {
                return REINSTATEMENT;
            }
            if (t.contains("retract")) {
                return RETRACTION;
            }
            if (t.contains("concern")) {
                return EXPRESSION_OF_CONCERN;
            }
            if (t.contains("correct") || t.contains("erratum")) {
                return CORRECTION;
            }
            return OTHER;
        }
    }

    RetractionNotice matchedOn(String key) {
        return new RetractionNotice(nature, natureText, date, reason, noticeDoi, recordId, title, key);
    }
}
