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

    /**
     * A new article's first revision was stored: start its first cycle. A new article has no cycle
     * to look for (its id was never a cycle's business key: a cycle started for an article that then
     * rolled back rolled back with it).
     */
    void firstRevision(RevisionView revision);

    /**
     * Reopens review of a published revision: starts a cycle for it, or, when the article already
     * has an open cycle, joins that one; a cycle already past medical review goes back to it, so a
     * physician always sees what reopened it. Returns the cycle's id.
     */
    String reopen(RevisionView published, CycleReason because);

    /** The article's open cycle, if any. */
    java.util.Optional<Cycle> openCycle(long articleId);

    /** The open tasks of the article's cycle, oldest first. */
    List<OpenTask> openTasks(long articleId);

    /** Why a review cycle was opened. */
    enum CycleReason {
        SUBMISSION,
        READER_REPORT,
        SCHEDULED_RE_REVIEW
    }

    record Cycle(String id, int revision, CycleReason openedBecause) {
    }

    record OpenTask(String id, String key, String name, int revision, String assignee, java.time.Instant created,
            java.time.Instant due) {
    }

    /**
     * Ends the article's open cycles without deciding anything (the article is withdrawn): their tasks
     * leave the queues, the article's status is left to the caller, the engine's history keeps them
     * with {@code reason}. Runs in the caller's transaction.
     */
    void endCycles(long articleId, String reason);
}
