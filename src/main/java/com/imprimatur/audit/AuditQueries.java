package com.imprimatur.audit;

/** Builds an {@link AuditQuery} from request parameters (400 problem for a malformed date). */
public final class AuditQueries {

    private AuditQueries() {
    }

    /** {@code from} and {@code to}: a date (2026-11-30, from its start / through its end, UTC) or an ISO instant. */
    public static AuditQuery parse(Long article, String actor, String from, String to) {
        return AuditController.query(article, actor, from, to);
    }
}
