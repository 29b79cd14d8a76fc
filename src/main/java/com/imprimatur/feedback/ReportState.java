package com.imprimatur.feedback;

/** Where a reader's report stands: waiting for an editor, sent into review, or dismissed with a reason. */
public enum ReportState {
    RECEIVED,
    REVIEW_REOPENED,
    DISMISSED
}
