package com.imprimatur.factcheck;

import com.imprimatur.route.Decision;
import com.imprimatur.article.RevisionView;
import java.time.Instant;
import java.util.List;

/**
 * The physicians' decisions on a revision, as the fact-check report needs them: the reference
 * verdicts shown beside the automatic findings, and the approval the JAMA benchmarks date and
 * sign. Implemented by the review module, which keeps the decisions.
 */
public interface MedicalReviews {

    /** Every medical-review decision on the revision, newest first. */
    List<Review> of(RevisionView revision);

    record Review(String reviewer, String decision, Instant decidedAt, List<Verdict> verdicts) {

        public boolean approval() {
            return Decision.APPROVE.is(decision);
        }
    }

    /** A physician's verdict on one reference (VERIFIED, UNVERIFIABLE or CONTRADICTS), with their note. */
    record Verdict(int reference, String verdict, String note) {
    }
}
