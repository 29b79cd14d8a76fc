package com.imprimatur.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The due date of a medical review: {@code imprimatur.review.due-days} after the task is created. */
@Component("reviewDeadline")
public class ReviewDeadline {

    private final Duration allowed;

    ReviewDeadline(@Value("${imprimatur.review.due-days}") int days) {
        this.allowed = Duration.ofDays(days);
    }

    public Date fromNow() {
        return Date.from(Instant.now().plus(allowed));
    }
}
