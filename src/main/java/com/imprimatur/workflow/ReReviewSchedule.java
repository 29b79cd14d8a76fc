package com.imprimatur.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When published articles are due for another review ({@code imprimatur.rereview.after}, an ISO
 * period such as P12M or a duration such as PT1H) and how often the sweep looks
 * ({@code imprimatur.rereview.sweep-cycle}, an ISO repeating interval such as R/P1D).
 */
@Component("reReviewSchedule")
public class ReReviewSchedule {

    private final String after;
    private final String sweepCycle;

    ReReviewSchedule(@Value("${imprimatur.rereview.after}") String after,
            @Value("${imprimatur.rereview.sweep-cycle}") String sweepCycle) {
        this.after = after;
        this.sweepCycle = sweepCycle;
        dueIfReviewedBefore(Instant.now());
    }

    /** Read by the timer start event of processes/re-review.bpmn. */
    public String sweepCycle() {
        return sweepCycle;
    }

    /** Articles last reviewed before the returned instant are due. */
    Instant dueIfReviewedBefore(Instant now) {
        if (after.startsWith("PT")) {
            return now.minus(Duration.parse(after));
        }
        return now.atOffset(ZoneOffset.UTC).minus(Period.parse(after)).toInstant();
    }
}
