package com.imprimatur.feedback;

import java.util.List;

/** Where stored reports become triage tasks for editors; implemented by the workflow module. */
public interface TriageQueue {

    /** Opens the report's triage task, in the transaction that stored the report. */
    void reportReceived(long articleId, int revision, String reportId, List<String> authors);
}
