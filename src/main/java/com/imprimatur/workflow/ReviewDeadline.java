package com.imprimatur.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The clock of a medical review, used by the BPMN (the task's due date and its two boundary
 * timers): due {@code imprimatur.review.due} (an ISO-8601 period such as {@code P7D} or a duration
 * such as {@code PT36H}) after it starts, and a reminder {@code imprimatur.notifications.due-soon}
 * before that (never before the start). {@link ReviewClock} starts it again on reassignment.
 */
@Component("reviewDeadline")
public class ReviewDeadline {

    private final Duration allowed;
    private final Duration reminder;

    ReviewDeadline(@Value("${imprimatur.review.due:P7D}") String due,
            @Value("${imprimatur.notifications.due-soon:PT24H}") Duration reminder) {
        this.allowed = parse(due);
        this.reminder = reminder;
    }

    /** P7D, P2W (calendar days, as 24 hours each) or PT36H. */
    static Duration parse(String text) {
        String iso = text.strip().toUpperCase();
        if (iso.contains("T")) {
            return Duration.parse(iso);
        }
        Period period = Period.parse(iso);
        if (period.getYears() != 0 || period.getMonths() != 0) {
            throw new IllegalArgumentException("imprimatur.review.due: give days or weeks (P7D), not months or years: " + text);
        }
        return Duration.ofDays(period.getDays());
    }

    /** The due date of a review that starts now. */
    public Date fromNow() {
        return Date.from(dueFrom(Instant.now()));
    }

    /** When the holder of a review that starts now is reminded. */
    public Date reminderFromNow() {
        Instant now = Instant.now();
        Instant at = dueFrom(now).minus(reminder);
        return Date.from(at.isBefore(now) ? now : at);
    }

    Instant dueFrom(Instant start) {
        return start.plus(allowed);
    }
}
