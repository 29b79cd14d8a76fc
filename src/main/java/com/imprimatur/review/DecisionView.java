package com.imprimatur.review;

import java.time.Instant;
import java.util.List;

/** A recorded decision as callers see it. */
public record DecisionView(String taskKey, int revision, String actor, String decision, String comment,
        Instant publishAt, Instant decidedAt, List<Verdict> referenceVerdicts) {

    public record Verdict(int reference, com.imprimatur.review.Verdict verdict, String note) {
    }
}
