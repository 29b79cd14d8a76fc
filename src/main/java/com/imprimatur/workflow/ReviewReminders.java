package com.imprimatur.workflow;

import com.imprimatur.article.LiveRevisions;
import com.imprimatur.notification.Kind;
import com.imprimatur.notification.Notifications;
import com.imprimatur.staff.Role;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the review's boundary timers say: the holder of the medical review and the editors (who may
 * reassign it from its page) are told it is due soon or overdue. The event is the task at its due
 * time, so a timer that fires once tells each person once, and a review whose clock was started
 * again tells them again when the new time comes.
 */
@Component
class ReviewReminders {

    private final Notifications notifications;
    private final LiveRevisions revisions;

    ReviewReminders(Notifications notifications, LiveRevisions revisions) {
        this.notifications = notifications;
        this.revisions = revisions;
    }

    void tell(DelegateExecution execution, Kind kind) {
        Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(ReviewClock.TASK).singleResult();
        if (task == null) {
            return;
        }
        long articleId = ((Number) execution.getVariable(ProcessVariables.ARTICLE_ID)).longValue();
        int revision = ((Number) execution.getVariable(ProcessVariables.REVISION)).intValue();
        String title = "“" + revisions.title(articleId, revision) + "” (revision " + revision + ")";
        String holder = task.getAssignee() == null ? "Nobody has claimed it yet." : "It is held by " + task.getAssignee() + ".";
        String due = task.getDueDate() == null ? "" : " (due " + task.getDueDate().toInstant() + ")";
        Notifications.Message message = kind == Kind.OVERDUE
                ? new Notifications.Message("Overdue: medical review of " + title,
                        "The medical review of " + title + " is overdue" + due + ". " + holder
                                + " Editors may give it to another physician from the task's page.", "/tasks/" + task.getId())
                : new Notifications.Message("Due soon: medical review of " + title,
                        "The medical review of " + title + " is due soon" + due + ". " + holder, "/tasks/" + task.getId());
        String event = "review:" + task.getId() + ":" + kind.name().toLowerCase() + ":"
                + (task.getDueDate() == null ? 0 : task.getDueDate().getTime());
        notifications.tell(kind, event, task.getAssignee() == null ? List.of() : List.of(task.getAssignee()), message);
        notifications.tellRole(kind, event, Role.EDITOR, task.getAssignee() == null ? List.of() : List.of(task.getAssignee()), message);
    }
}
