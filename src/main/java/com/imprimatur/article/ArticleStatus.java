package com.imprimatur.article;

/** Where an article stands in its review cycle; PUBLISHED and REJECTED mean no cycle is open. */
public enum ArticleStatus {
    IN_REVIEW,
    CHANGES_REQUESTED,
    PLAGIARISM_CHECK,
    PLAGIARISM_HOLD,
    AWAITING_PUBLICATION,
    SCHEDULED,
    PUBLISHED,
    REJECTED;

    public boolean cycleOpen() {
        return this != PUBLISHED && this != REJECTED;
    }
}
