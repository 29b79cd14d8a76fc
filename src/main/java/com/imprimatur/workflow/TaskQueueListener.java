package com.imprimatur.workflow;

import com.imprimatur.article.LiveRevisions;
import com.imprimatur.platform.TransactionScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link TaskQueue} in step with the engine: registered on every user task by
 * {@link TaskQueuePlugin} for create, assignment, update, complete and delete, it writes in the
 * transaction of the engine command that changed the task, so the queue never shows what the
 * engine has rolled back.
 */
@Component
class TaskQueueListener implements TaskListener {

    static final List<String> EVENTS = List.of(EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE,
            EVENTNAME_COMPLETE, EVENTNAME_DELETE);

    private static final Logger log = LoggerFactory.getLogger(TaskQueueListener.class);

    private final TaskQueue queue;
    private final LiveRevisions revisions;

    TaskQueueListener(TaskQueue queue, LiveRevisions revisions) {
        this.queue = queue;
        this.revisions = revisions;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> {
                forget(task.getId());
                queue.remove(task.getId());
            }
            case EVENTNAME_CREATE -> {
                forget(task.getId());
                record(task);
            }
            default -> {
                List<Object> row = Arrays.asList(nameOf(task.getName(), task.getTaskDefinitionKey()), task.getAssignee(),
                        instant(task.getDueDate()));
                Written written = written(true);
                if (written != null && row.equals(written.rows.get(task.getId()))) {
                    return; // a claim fires "assignment" and then "update" with the same values: written once
                }
                if (!queue.changed(task.getId(), (String) row.get(0), (String) row.get(1), (Instant) row.get(2))) {
                    record(task);
                } else if (written != null) {
                    written.rows.put(task.getId(), row);
                }
            }
        }
    }

    /**
     * What this transaction last wrote to each task's row, kept as one of its synchronizations (which
     * are suspended with it, so a transaction started inside it writes afresh); null outside one.
     */
    private Written written(boolean create) {
        return TransactionScoped.of(this, Written.class, create ? Written::new : null);
    }

    private void forget(String taskId) {
        Written written = written(false);
        if (written != null) {
            written.rows.remove(taskId);
        }
    }

    private final class Written extends TransactionScoped {
        private final Map<String, List<Object>> rows = new HashMap<>();

        Written() {
            super(TaskQueueListener.this);
        }
    }

    private void record(DelegateTask task) {
        Map<String, Object> variables = new HashMap<>();
        VariableScope cycle = ProcessVariables.ofCycle(task);
        for (String name : List.of(ProcessVariables.ARTICLE_ID, ProcessVariables.REVISION, ProcessVariables.REPORT_ID)) {
            variables.put(name, orNone(cycle.getVariable(name)));
        }
        FourEyes.VARIABLES.forEach(name -> variables.put(name, orNone(cycle.getVariable(name))));
        record(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getProcessInstanceId(),
                task.getCreateTime(), task.getDueDate(), task.getAssignee(), task.getCandidates(), variables);
    }

    /** Writes the row of one open task, from the engine's view of it; also used by the backfill. */
    void record(String id, String key, String name, String processInstanceId, Date created, Date due, String assignee,
            Collection<? extends IdentityLink> links, Map<String, Object> variables) {
        if (!(variables.get(ProcessVariables.ARTICLE_ID) instanceof Number articleId)) {
            log.warn("Task {} ({}) carries no article id; it is left out of the queues", id, key);
            return;
        }
        int revision = variables.get(ProcessVariables.REVISION) instanceof Number n ? n.intValue() : 0;
        List<String> groups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
        if (groups.size() > 1) {
            log.warn("Task {} ({}) has several candidate groups {}; the queues offer it to {}", id, key, groups, groups.get(0));
        }
        Set<String> fourEyes = FourEyes.excluded(key, variables::get);
        queue.put(new TaskQueue.Entry(id, key, nameOf(name, key), processInstanceId, articleId.longValue(), revision,
                title(articleId.longValue(), revision), groups.isEmpty() ? null : groups.get(0), assignee,
                created == null ? Instant.now() : created.toInstant(), instant(due),
                variables.get(ProcessVariables.REPORT_ID) instanceof String report ? report : null), fourEyes);
    }

    private String title(long articleId, int revision) {
        return revision < 1 ? "" : revisions.title(articleId, revision);
    }

    private static String nameOf(String name, String key) {
        return name == null || name.isBlank() ? key : name;
    }

    private static Object orNone(Object value) {
        return value == null ? "" : value;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
