package com.imprimatur.workflow;

import com.imprimatur.route.TaskKind;
import com.imprimatur.feedback.FeedbackTriage;
import com.imprimatur.review.TaskDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Dismiss report": keeps the editor's reason with the report. */
@Component("dismissReport")
class DismissReport implements JavaDelegate {

    private final FeedbackTriage triage;

    DismissReport(FeedbackTriage triage) {
        this.triage = triage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        triage.dismiss((String) execution.getVariable(ProcessVariables.REPORT_ID),
                (String) execution.getVariable(TaskKind.TRIAGE_REPORT.actorVariable()),
                (String) execution.getVariable(TaskKind.TRIAGE_REPORT.commentVariable()));
    }
}
