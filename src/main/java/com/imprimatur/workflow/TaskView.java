package com.imprimatur.workflow;

import com.imprimatur.route.TaskKind;
import java.time.Instant;

/**
 * A task as the queues show it; {@code articleTitle} is the title of the revision it is about
 * (queues only), {@code reportId} names the reader's report of a triage task.
 */
public record TaskView(String id, String key, String name, long articleId, int revision, Instant created, Instant due,
        String assignee, boolean overdue, String articleTitle, String reportId) {

    /** The kind of task in the route's words (not part of the JSON: {@code key} names it there). */
    public TaskKind kind() {
        return TaskKind.of(key);
    }
}
