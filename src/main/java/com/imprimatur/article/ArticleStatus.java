package com.imprimatur.article;

/**
 * Where an article stands in its review cycle; PUBLISHED, REJECTED and WITHDRAWN mean no cycle is open.
 * WITHDRAWN: an editor took the article offline (a new revision starts a cycle again).
 */
public enum ArticleStatus {
    IN_REVIEW,
    CHANGES_REQUESTED,
    PLAGIARISM_CHECK,
    PLAGIARISM_HOLD,
    AWAITING_PUBLICATION,
    SCHEDULED,
    PUBLISHED,
    REJECTED,
    WITHDRAWN;

    public boolean cycleOpen() {
        return this != PUBLISHED && this != REJECTED && this != WITHDRAWN;
    }
}
