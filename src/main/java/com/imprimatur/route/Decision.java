package com.imprimatur.route;

import java.util.Locale;
import java.util.Optional;

/**
 * A decision taken on a task of the route. Its name is what the API takes and what the BPMN's
 * gateways compare {@code <taskKey>Decision} with; which task accepts which decision is
 * {@link TaskKind}'s business.
 */
public enum Decision {

    /** The medical review passes: every reference verified, no blocking fact-check finding. */
    APPROVE(Needs.FACT_CHECK_PASSED),
    /** Back to the writer for another revision. */
    REQUEST_CHANGES(Needs.COMMENT),
    /** The revision ends here, not published. */
    REJECT(Needs.COMMENT),
    /** A plagiarism finding or a reader's report is set aside, with the reason on record. */
    DISMISS(Needs.COMMENT),
    /** From the checks after the medical review, back to the writer. */
    RETURN_TO_WRITER(Needs.COMMENT),
    /** Goes live now or at a given time; the fact-check and the JAMA benchmarks must pass. */
    PUBLISH(Needs.FACT_CHECK_PASSED),
    /** A reader's report reopens the review (or joins the one already open). */
    REOPEN_REVIEW(Needs.NOTHING);

    /** What a decision needs besides itself. */
    private enum Needs {
        NOTHING, COMMENT, FACT_CHECK_PASSED
    }

    private final Needs needs;

    Decision(Needs needs) {
        this.needs = needs;
    }

    /** Whether the decision must say why: the writer, the record or the reader's report needs the reason. */
    public boolean needsComment() {
        return needs == Needs.COMMENT;
    }

    /** Whether the fact-check's gate must pass (no blocking finding) for the decision to be taken. */
    public boolean needsFactCheckPassed() {
        return needs == Needs.FACT_CHECK_PASSED;
    }

    /** Whether the decision may be given a time to take effect at (a scheduled publication). */
    public boolean mayBeScheduled() {
        return this == PUBLISH;
    }

    /** The decision a caller means by {@code text}: any case, surrounding blanks ignored. */
    public static Optional<Decision> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (Decision d : values()) {
            if (d.name().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} (as stored or sent) names this decision. */
    public boolean is(String text) {
        return name().equals(text);
    }
}
