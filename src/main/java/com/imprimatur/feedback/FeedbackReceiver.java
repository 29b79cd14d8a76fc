package com.imprimatur.feedback;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The one way in for a reader's report, from the API and from the page alike. Outside any
 * transaction on purpose: when an identical report wins the race to the unique key at the same
 * moment, this one's transaction is rolled back and the winner's id is read in a fresh one.
 */
@Service
public class FeedbackReceiver {

    private final FeedbackIntake intake;

    FeedbackReceiver(FeedbackIntake intake) {
        this.intake = intake;
    }

    public FeedbackIntake.Receipt receive(String slug, FeedbackRequest request, String client) {
        try {
            return intake.submit(slug, request, client);
        } catch (DataIntegrityViolationException sameReportAtTheSameMoment) {
            return intake.repeated(slug, request, client);
        }
    }
}
