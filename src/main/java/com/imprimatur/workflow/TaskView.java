package com.imprimatur.workflow;

import java.time.Instant;

/**
 * A task as the queues show it; {@code articleTitle} is the title of the revision it is about
 * (queues only), {@code reportId} names the reader's report of a triage task.
 */
public record TaskView(String id, String key, String name, long articleId, int revision, Instant created, Instant due,
        String assignee, boolean overdue, String articleTitle, String reportId) {
}
