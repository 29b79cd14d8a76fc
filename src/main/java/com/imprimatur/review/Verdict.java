package com.imprimatur.review;

/** A physician's verdict on one reference. */
public enum Verdict {
    VERIFIED,
    UNVERIFIABLE,
    CONTRADICTS
}
