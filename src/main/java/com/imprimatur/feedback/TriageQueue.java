package com.imprimatur.feedback;

import java.util.List;

/** Where stored reports become triage tasks for editors; implemented by the workflow module. */
public interface TriageQueue {

    /** A stored report that needs its triage task. */
    record Received(long articleId, int revision, String reportId, List<String> authors) {
    }

    /** Opens each report's triage task, in the transaction that stored the reports. */
    void reportsReceived(List<Received> reports);
}
