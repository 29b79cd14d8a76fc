package com.imprimatur.workflow;

import com.imprimatur.route.TaskKind;
import com.imprimatur.article.ReviewRoute;
import com.imprimatur.article.RevisionView;
import com.imprimatur.audit.AuditTrail;
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

    /** The BPMN message of the boundary event "Reader report joined". */
    static final String REPORT_JOINED = "readerReportJoined";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AuditTrail audit;

    CamundaReviewRoute(RuntimeService runtime, TaskService tasks, AuditTrail audit) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.audit = audit;
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

    /**
     * Joins the open cycle, if any; when that cycle is past medical review (checks, plagiarism
     * finding, publication approval, scheduled publication), the BPMN's "Reader report joined" event
     * sends it back to medical review, so that a physician sees the report before anything goes live.
     */
    @Override
    public String reopen(RevisionView published, CycleReason because) {
        Optional<Cycle> open = openCycle(published.articleId());
        if (open.isEmpty()) {
            return start(published, because);
        }
        String cycle = open.get().id();
        if (!runtime.createMessageCorrelation(REPORT_JOINED).processInstanceId(cycle).correlateAllWithResult().isEmpty()) {
            audit.record("review.sent-back", published.articleId(), open.get().revision(),
                    Map.of("cycleId", cycle, "because", because.name(), "to", TaskKind.MEDICAL_REVIEW.key()));
        }
        return cycle;
    }

    /** Read in two queries that both tolerate the cycle ending between them: then there is no open cycle. */
    @Override
    public Optional<Cycle> openCycle(long articleId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(articleId)).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        Map<String, Object> vars = new HashMap<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                .variableNameIn(ProcessVariables.REVISION, ProcessVariables.OPENED_BECAUSE).list().stream()
                .filter(v -> instance.getId().equals(v.getExecutionId()))
                .forEach(v -> vars.put(v.getName(), v.getValue()));
        if (!(vars.get(ProcessVariables.REVISION) instanceof Number revision)) {
            return Optional.empty();
        }
        Object because = vars.get(ProcessVariables.OPENED_BECAUSE);
        return Optional.of(new Cycle(instance.getId(), revision.intValue(),
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

    /** The open tasks with their cycle's revision; a task whose cycle ended while this was read is left out. */
    @Override
    public List<OpenTask> openTasks(long articleId) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(articleId))
                .processDefinitionKey(ProcessVariables.PROCESS_KEY).list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> revisions = new HashMap<>();
        runtime.createVariableInstanceQuery()
                .processInstanceIdIn(open.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                .variableName(ProcessVariables.REVISION).list().stream()
                .filter(v -> v.getExecutionId().equals(v.getProcessInstanceId()) && v.getValue() instanceof Number)
                .forEach(v -> revisions.put(v.getProcessInstanceId(), ((Number) v.getValue()).intValue()));
        return open.stream().filter(t -> revisions.containsKey(t.getProcessInstanceId()))
                .sorted(Comparator.comparing(Task::getCreateTime)).map(t -> new OpenTask(t.getId(),
                t.getTaskDefinitionKey(), t.getName(), revisions.get(t.getProcessInstanceId()), t.getAssignee(),
                t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant())).toList();
    }

    private boolean cycleOpen(long articleId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(articleId)).count() > 0;
    }

    private Task reviseTask(long articleId) {
        return tasks.createTaskQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(articleId)).taskDefinitionKey(TaskKind.REVISE.key()).singleResult();
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
