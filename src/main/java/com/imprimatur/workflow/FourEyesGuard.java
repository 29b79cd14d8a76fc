package com.imprimatur.workflow;

import com.imprimatur.identity.UserName;
import com.imprimatur.route.TaskKind;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Four-eyes and candidacy inside the engine, on every user task ({@link TaskQueuePlugin}): whatever
 * gives a task to someone (the task desk, the Camunda tasklist, a script with the Java API), the
 * assignment is refused when they may not decide it: an author (or, for the publication approval,
 * the approving physician), or someone outside the task's candidate groups, or a disabled user. A
 * four-eyes task is completed only by an assignee who passes the same test. The task desk checks
 * first and explains in words; this is the floor no path gets under.
 */
@Component
class FourEyesGuard implements TaskListener {

    /** Looked up when first needed: the engine's plugins are made before the JPA repositories. */
    private final ObjectProvider<Staff> staff;

    FourEyesGuard(ObjectProvider<Staff> staff) {
        this.staff = staff;
    }

    /** Refused inside the engine: the command rolls back (the engine wraps it in a ProcessEngineException). */
    static class Refused extends ProcessEngineException {
        Refused(String message) {
            super(message);
        }

        /** The refusal behind an engine failure, if that is what it was. */
        static Refused in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof Refused refused) {
                    return refused;
                }
            }
            return null;
        }
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            if (EVENTNAME_COMPLETE.equals(task.getEventName()) && TaskKind.ofKey(task.getTaskDefinitionKey()).filter(TaskKind::fourEyes).isPresent()) {
                throw new Refused("A four-eyes decision needs an assignee: claim the task first.");
            }
            return;
        }
        String refusal = FourEyes.refusal(task.getTaskDefinitionKey(),
                FourEyes.excluded(task.getTaskDefinitionKey(), ProcessVariables.ofCycle(task)::getVariable), assignee, "'" + assignee + "'");
        if (refusal != null) {
            throw new Refused(refusal);
        }
        Set<String> groups = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).collect(Collectors.toSet());
        if (groups.isEmpty()) {
            return;
        }
        // one indexed query, not the whole profile; no cache, so a role change or a disabled user on any node counts at once
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> groups.contains(r.group())).toList();
        if (!assignee.equals(UserName.canonical(assignee)) || !staff.getObject().activeIn(assignee, roles)) {
            throw new Refused("'" + assignee + "' cannot take this task: it is for active members of " + groups + ".");
        }
    }
}
