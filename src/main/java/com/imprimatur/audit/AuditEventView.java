package com.imprimatur.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One event of the trail as admins see it. */
public record AuditEventView(long seq, Instant occurredAt, String actor, String type, Long articleId, Integer revision,
        JsonNode details, String prevHash, String hash) {
}
