package com.imprimatur.workflow;

import java.time.Instant;

/** A task as the queues show it; {@code reportId} names the reader's report of a triage task. */
public record TaskView(String id, String key, String name, long articleId, int revision, Instant created, Instant due,
        String assignee, boolean overdue, String reportId) {
}
