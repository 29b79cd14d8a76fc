package com.imprimatur.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a failed delivery is tried again: {@code first-retry} after the first failure, doubling after
 * each (with up to a tenth of jitter, so that a receiver coming back is not hit by every node at
 * once), never more than {@code max-delay} apart; no retry once {@code retry-for} has passed since
 * the event (24 hours by default), and the delivery is failed.
 */
@Component
class Backoff {

    private final Duration first;
    private final Duration max;
    private final Duration retryFor;

    Backoff(@Value("${imprimatur.webhooks.first-retry:PT5S}") Duration first,
            @Value("${imprimatur.webhooks.max-delay:PT2H}") Duration max,
            @Value("${imprimatur.webhooks.retry-for:PT24H}") Duration retryFor) {
        this.first = first;
        this.max = max;
        this.retryFor = retryFor;
    }

    /** The time of the next attempt after failed attempt number {@code attempt} (1, 2, …), or null: give up. */
    Instant next(int attempt, Instant eventAt, Instant now) {
        Instant deadline = eventAt.plus(retryFor);
        if (!now.isBefore(deadline)) {
            return null;
        }
        long millis = first.toMillis();
        for (int i = 1; i < attempt && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, max.toMillis());
        millis += ThreadLocalRandom.current().nextLong(millis / 10 + 1);
        Instant next = now.plusMillis(millis);
        // the last attempt falls at the deadline, not past it
        return next.isAfter(deadline) ? deadline : next;
    }
}
