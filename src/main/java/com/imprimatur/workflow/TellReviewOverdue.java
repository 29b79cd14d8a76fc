package com.imprimatur.workflow;

import com.imprimatur.notification.Kind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Tell: review overdue", after the medical review's overdue timer. */
@Component("tellReviewOverdue")
class TellReviewOverdue implements JavaDelegate {

    private final ReviewReminders reminders;

    TellReviewOverdue(ReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.tell(execution, Kind.OVERDUE);
    }
}
