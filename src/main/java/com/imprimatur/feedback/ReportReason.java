package com.imprimatur.feedback;

/** Why a reader reports an article. */
public enum ReportReason {
    INACCURATE,
    OUTDATED,
    QUESTIONABLE,
    OTHER
}
