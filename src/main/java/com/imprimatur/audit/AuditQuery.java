package com.imprimatur.audit;

import java.time.Instant;

/** Filters of the audit listing; each may be null. */
public record AuditQuery(Long articleId, String actor, Instant from, Instant to) {

    public static AuditQuery ofArticle(long articleId) {
        return new AuditQuery(articleId, null, null, null);
    }
}
