package com.imprimatur.workflow;

import com.imprimatur.route.TaskKind;
import com.imprimatur.article.LiveRevisions;
import com.imprimatur.notification.Kind;
import com.imprimatur.notification.Notifications;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells people about tasks, in the engine command that changed the task: a task given to someone
 * other than the person who acted (an editor's assignment, a revision the route hands its writer)
 * tells its new holder; a new task for a group tells the group's members who may take it (never
 * the revision's authors). A reader's report to triage is told as such ({@code REPORT_RECEIVED}), not again here.
 */
@Component
class TaskNotices implements TaskListener {

    private final Notifications notifications;
    private final LiveRevisions revisions;
    private final ObjectProvider<Staff> staff;

    TaskNotices(Notifications notifications, LiveRevisions revisions, ObjectProvider<Staff> staff) {
        this.notifications = notifications;
        this.revisions = revisions;
        this.staff = staff;
    }

    @Override
    public void notify(DelegateTask task) {
        VariableScope cycle = ProcessVariables.ofCycle(task);
        if (!(cycle.getVariable(ProcessVariables.ARTICLE_ID) instanceof Number articleId)) {
            return;
        }
        int revision = cycle.getVariable(ProcessVariables.REVISION) instanceof Number n ? n.intValue() : 0;
        String what = task.getName() + " of “" + (revision < 1 ? "article " + articleId : revisions.title(articleId.longValue(), revision))
                + "”" + (revision < 1 ? "" : " (revision " + revision + ")");
        String link = "/tasks/" + task.getId();
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            String assignee = task.getAssignee();
            if (assignee != null && !assignee.equals(actor())) {
                notifications.tell(Kind.TASK_ASSIGNED, "task:" + task.getId() + ":to:" + assignee + ":" + System.currentTimeMillis(),
                        List.of(assignee), new Notifications.Message("For you: " + what,
                                "The task “" + what + "” is now yours.", link));
            }
        } else if (EVENTNAME_CREATE.equals(task.getEventName()) && task.getAssignee() == null
                && !TaskKind.TRIAGE_REPORT.is(task.getTaskDefinitionKey())) {
            Set<String> excluded = FourEyes.excluded(task.getTaskDefinitionKey(), cycle::getVariable);
            task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                    .map(l -> role(l.getGroupId())).filter(r -> r != null).distinct()
                    .forEach(role -> notifications.tellRole(Kind.NEW_WORK, "task:" + task.getId() + ":new", role, excluded,
                            new Notifications.Message("New in your queue: " + what,
                                    "“" + what + "” waits in your group's queue; claim it to work on it.", link)));
        }
    }

    /** Who acts in this request (null for the engine's own jobs and the demo's seeding). */
    private String actor() {
        return staff.getObject().currentUsername().orElse(null);
    }

    private static Role role(String group) {
        return Arrays.stream(Role.values()).filter(r -> r.group().equals(group)).findFirst().orElse(null);
    }
}
