package com.imprimatur.feedback;

import java.time.Instant;

/** A reader's report as staff see it; the reader's e-mail only for editors. */
public record ReportView(String id, long articleId, int revision, ReportReason reason, String comment,
        String passage, String email, ReportState state, String cycleId, String triagedBy, String triageNote,
        Instant triagedAt, Instant createdAt) {
}
