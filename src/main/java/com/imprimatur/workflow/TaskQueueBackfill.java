package com.imprimatur.workflow;

import com.imprimatur.route.TaskKind;
import com.imprimatur.review.TaskDecisions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up, brings the read model level with the engine when their counts differ: on a database
 * whose tasks predate migration V7, or after someone changed the engine's tables by hand.
 */
@Component
class TaskQueueBackfill {

    private static final Logger log = LoggerFactory.getLogger(TaskQueueBackfill.class);
    private static final int CHUNK = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TaskQueue queue;
    private final TaskQueueListener listener;

    TaskQueueBackfill(TaskService tasks, RuntimeService runtime, TaskQueue queue, TaskQueueListener listener) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.queue = queue;
        this.listener = listener;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void levelWithEngine() {
        Set<String> stored = new HashSet<>(queue.taskIds());
        if (tasks.createTaskQuery().count() == stored.size()) {
            return;
        }
        Set<String> open = new HashSet<>();
        int added = 0;
        for (int first = 0; ; first += CHUNK) {
            List<Task> page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, CHUNK);
            for (Task task : page) {
                open.add(task.getId());
                if (!stored.contains(task.getId())) {
                    listener.record(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getProcessInstanceId(),
                            task.getCreateTime(), task.getDueDate(), task.getAssignee(),
                            tasks.getIdentityLinksForTask(task.getId()), variables(task.getProcessInstanceId()));
                    added++;
                }
            }
            if (page.size() < CHUNK) {
                break;
            }
        }
        stored.removeAll(open);
        stored.forEach(queue::remove);
        log.info("Task queue levelled with the engine: {} added, {} removed", added, stored.size());
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .variableNameIn(ProcessVariables.ARTICLE_ID, ProcessVariables.REVISION, ProcessVariables.AUTHORS,
                        ProcessVariables.REPORT_ID, TaskKind.MEDICAL_REVIEW.actorVariable()).list()) {
            if (processInstanceId.equals(v.getExecutionId())) {
                values.put(v.getName(), v.getValue());
            }
        }
        return values;
    }
}
