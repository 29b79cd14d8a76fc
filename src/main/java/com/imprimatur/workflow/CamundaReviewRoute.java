package com.imprimatur.workflow;

import com.imprimatur.article.ReviewRoute;
import com.imprimatur.article.RevisionView;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The article module's view of the route, played on the engine. One open cycle per article, keyed by its id. */
@Component
class CamundaReviewRoute implements ReviewRoute {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaReviewRoute(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public boolean acceptsRevision(long articleId) {
        return !cycleOpen(articleId) || reviseTask(articleId) != null;
    }

    @Override
    public void revisionSubmitted(RevisionView revision) {
        Task revise = reviseTask(revision.articleId());
        if (revise != null) {
            tasks.complete(revise.getId(), revisionVariables(revision));
            return;
        }
        if (cycleOpen(revision.articleId())) {
            throw new IllegalStateException("Article " + revision.articleId() + " already has an open cycle");
        }
        start(revision, CycleReason.SUBMISSION);
    }

    @Override
    public String reopen(RevisionView published, CycleReason because) {
        return openCycle(published.articleId()).map(Cycle::id).orElseGet(() -> start(published, because));
    }

    @Override
    public Optional<Cycle> openCycle(long articleId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(articleId)).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        Map<String, Object> vars = runtime.getVariables(instance.getId(),
                List.of(ProcessVariables.REVISION, ProcessVariables.OPENED_BECAUSE));
        Object because = vars.get(ProcessVariables.OPENED_BECAUSE);
        return Optional.of(new Cycle(instance.getId(), ((Number) vars.get(ProcessVariables.REVISION)).intValue(),
                because == null ? CycleReason.SUBMISSION : CycleReason.valueOf(because.toString())));
    }

    private String start(RevisionView revision, CycleReason because) {
        Map<String, Object> variables = revisionVariables(revision);
        variables.put(ProcessVariables.ARTICLE_ID, revision.articleId());
        variables.put(ProcessVariables.OPENED_BECAUSE, because.name());
        return runtime.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, String.valueOf(revision.articleId()),
                variables).getId();
    }

    private static Map<String, Object> revisionVariables(RevisionView revision) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.REVISION, revision.number());
        variables.put(ProcessVariables.WRITER, revision.createdBy());
        variables.put(ProcessVariables.AUTHORS, String.join(",", revision.authors()));
        return variables;
    }

    @Override
    public List<OpenTask> openTasks(long articleId) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(articleId))
                .processDefinitionKey(ProcessVariables.PROCESS_KEY).list();
        return open.stream().sorted(Comparator.comparing(Task::getCreateTime)).map(t -> new OpenTask(t.getId(),
                t.getTaskDefinitionKey(), t.getName(),
                ((Number) tasks.getVariable(t.getId(), ProcessVariables.REVISION)).intValue(), t.getAssignee(),
                t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant())).toList();
    }

    private boolean cycleOpen(long articleId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(articleId)).count() > 0;
    }

    private Task reviseTask(long articleId) {
        return tasks.createTaskQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(articleId)).taskDefinitionKey("revise").singleResult();
    }

    /**
     * Deletes the article's cycles skipping custom listeners, so that the BPMN's end listeners do not
     * mark the article's status; the task queue's listener is built in ({@link TaskQueuePlugin}) and
     * still removes the tasks' rows.
     */
    @Override
    public void endCycles(long articleId, String reason) {
        runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(articleId)).list()
                .forEach(cycle -> runtime.deleteProcessInstance(cycle.getId(), reason, true, true));
    }
}
