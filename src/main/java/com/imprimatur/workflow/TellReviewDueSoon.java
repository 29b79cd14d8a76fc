package com.imprimatur.workflow;

import com.imprimatur.notification.Kind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Tell: review due soon", after the medical review's due-soon timer. */
@Component("tellReviewDueSoon")
class TellReviewDueSoon implements JavaDelegate {

    private final ReviewReminders reminders;

    TellReviewDueSoon(ReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.tell(execution, Kind.DUE_SOON);
    }
}
