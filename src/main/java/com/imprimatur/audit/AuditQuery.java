package com.imprimatur.audit;

import java.time.Instant;
import java.util.List;

/**
 * Filters of the audit listing; each may be null. {@code types}: event types ("user.disabled") or,
 * ending with a dot, families of them ("login."); an event matches any one.
 */
public record AuditQuery(Long articleId, String actor, Instant from, Instant to, List<String> types) {

    public AuditQuery(Long articleId, String actor, Instant from, Instant to) {
        this(articleId, actor, from, to, null);
    }

    public static AuditQuery ofArticle(long articleId) {
        return new AuditQuery(articleId, null, null, null);
    }

    /** The same filters, narrowed to these types or families. */
    public AuditQuery ofTypes(List<String> types) {
        return new AuditQuery(articleId, actor, from, to, types);
    }
}
