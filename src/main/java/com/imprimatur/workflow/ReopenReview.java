package com.imprimatur.workflow;

import com.imprimatur.route.TaskKind;
import com.imprimatur.feedback.FeedbackTriage;
import com.imprimatur.review.TaskDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Reopen review": the report starts a review cycle of the published revision, or joins the open one. */
@Component("reopenReview")
class ReopenReview implements JavaDelegate {

    private final FeedbackTriage triage;

    ReopenReview(FeedbackTriage triage) {
        this.triage = triage;
    }

    @Override
    public void execute(DelegateExecution execution) {
        triage.reopenReview((String) execution.getVariable(ProcessVariables.REPORT_ID),
                (String) execution.getVariable(TaskKind.TRIAGE_REPORT.actorVariable()));
    }
}
