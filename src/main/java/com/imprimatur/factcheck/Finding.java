package com.imprimatur.factcheck;

/**
 * One thing the automatic fact-check noticed. {@code start}/{@code end} are offsets into the
 * revision's body (UTF-16 code units, as a browser's string indices) for findings in the text;
 * {@code reference} is the 1-based reference a finding is about.
 */
public record Finding(String code, Severity severity, String message, Integer reference, Integer start, Integer end,
        String text) {

    /** BLOCKING stops the physician's APPROVE; WARNING and HINT are for the reviewer's eyes. */
    public enum Severity { BLOCKING, WARNING, HINT }

    static Finding inText(String code, Severity severity, String message, int start, int end, String text) {
        return new Finding(code, severity, message, null, start, end, text);
    }

    static Finding onReference(String code, Severity severity, int reference, String message) {
        return new Finding(code, severity, message, reference, null, null, null);
    }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }
}
