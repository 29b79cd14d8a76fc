package com.imprimatur.article;

import java.util.List;

/**
 * The review route as the article module needs it; implemented by the workflow module, which
 * alone talks to the engine.
 */
public interface ReviewRoute {

    /** Whether a new revision may be submitted now: no cycle is open, or the open one waits in "revise". */
    boolean acceptsRevision(long articleId);

    /**
     * The revision was stored: start a cycle for it, or hand it to the cycle waiting in
     * "revise". Runs in the transaction that stored the revision.
     */
    void revisionSubmitted(RevisionView revision);

    /** The open tasks of the article's cycle, oldest first. */
    List<OpenTask> openTasks(long articleId);

    record OpenTask(String id, String key, String name, int revision, String assignee, java.time.Instant created,
            java.time.Instant due) {
    }
}
