package com.imprimatur.audit;

import java.time.Instant;

/** An event recorded in a transaction that has not yet reached its commit. */
record PendingEvent(Instant occurredAt, String actor, String type, Long articleId, Integer revision, String details) {
}
