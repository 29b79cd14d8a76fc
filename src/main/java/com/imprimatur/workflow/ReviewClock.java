package com.imprimatur.workflow;

import com.imprimatur.route.TaskKind;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.stereotype.Component;

/**
 * Starts a medical review's clock again when it is reassigned: from one physician to another, or
 * to anyone once it is overdue. The new holder gets the full {@code imprimatur.review.due}: the
 * task's due date is set anew, and the review's boundary timers (due soon, overdue) are replaced by
 * new ones from the same BPMN declarations, so that they fire again, relative to the new due date,
 * even when they fired already. A first claim before the due date keeps the clock running, as does
 * handing the task back. Runs in the engine command of the assignment, before the queue's listener
 * (which then reads the new due date).
 */
@Component
class ReviewClock implements TaskListener {

    static final String TASK = TaskKind.MEDICAL_REVIEW.key();

    private final ReviewDeadline deadline;

    ReviewClock(ReviewDeadline deadline) {
        this.deadline = deadline;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!TASK.equals(task.getTaskDefinitionKey()) || task.getAssignee() == null || !(task instanceof TaskEntity entity)) {
            return;
        }
        PropertyChange change = entity.getPropertyChanges().get("assignee");
        Object before = change == null ? null : change.getOrgValue();
        boolean overdue = task.getDueDate() != null && task.getDueDate().before(new Date());
        if (task.getAssignee().equals(before) || (before == null && !overdue)) {
            return;
        }
        restart(entity);
    }

    private void restart(TaskEntity task) {
        task.setDueDate(deadline.fromNow());
        ExecutionEntity execution = task.getExecution();
        Map<String, TimerDeclarationImpl> timers = TimerDeclarationImpl.getDeclarationsForScope(execution.getActivity());
        for (JobEntity job : new ArrayList<>(execution.getJobs())) {
            if (job instanceof TimerEntity && timers.containsKey(job.getActivityId())) {
                job.delete();
            }
        }
        timers.values().forEach(timer -> timer.createTimerInstance(execution));
    }
}
