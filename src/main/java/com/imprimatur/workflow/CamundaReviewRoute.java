package com.imprimatur.workflow;

import com.imprimatur.route.TaskKind;
import com.imprimatur.article.ReviewRoute;
import com.imprimatur.article.RevisionView;
import com.imprimatur.audit.AuditTrail;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The article module's view of the route, played on the engine. One open cycle per article, keyed by its id. */
@Component
class CamundaReviewRoute implements ReviewRoute {

    /** The BPMN message of the boundary event "Reader report joined". */
    static final String REPORT_JOINED = "readerReportJoined";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AuditTrail audit;
    private final TaskQueue queue;
    private final JdbcTemplate jdbc;
    private final CommandExecutor commands;
    private final LatestDefinition definition;

    CamundaReviewRoute(RuntimeService runtime, RepositoryService repository, TaskService tasks, AuditTrail audit, TaskQueue queue,
            JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine) {
        this.jdbc = jdbc;
        this.commands = engine.getCommandExecutorTxRequired();
        this.definition = new LatestDefinition(repository, ProcessVariables.PROCESS_KEY);
        this.runtime = runtime;
        this.tasks = tasks;
        this.audit = audit;
        this.queue = queue;
    }

    @Override
    public boolean acceptsRevision(long articleId) {
        return !cycleOpen(articleId) || reviseTask(articleId) != null;
    }

    @Override
    public void firstRevision(RevisionView revision) {
        start(revision, CycleReason.SUBMISSION);
    }

    @Override
    public void revisionSubmitted(RevisionView revision) {
        if (!cycleOpen(revision.articleId())) {
            start(revision, CycleReason.SUBMISSION);
            return;
        }
        String revise = reviseTask(revision.articleId());
        if (revise == null) {
            throw new IllegalStateException("Article " + revision.articleId() + " already has an open cycle");
        }
        tasks.complete(revise, revisionVariables(revision));
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

    /**
     * One statement on the business key's index: the cycle's root execution and its own two variables
     * (the revision, a number; why it opened, a name), so that a cycle ending meanwhile reads as no
     * open cycle, never half of one. Read from the engine's tables as the engine stores such values (an
     * integer in {@code LONG_}, a string in {@code TEXT_}), without an engine command: the editors' and
     * the CMS's polls of an article run this again and again, and a command (its context, its MyBatis
     * session, a native query and a variable query through MyBatis) cost more than the read. Anything
     * else (a variable of another type, set through Camunda's webapps, say; two cycles of one article)
     * is read as before, through the engine, which converts the value or refuses.
     */
    @Override
    public Optional<Cycle> openCycle(long articleId) {
        List<Map<String, Object>> rows = jdbc.queryForList(CYCLE_WITH_VARIABLES, ProcessVariables.REVISION, ProcessVariables.OPENED_BECAUSE,
                String.valueOf(articleId), ProcessVariables.PROCESS_KEY);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String id = (String) rows.get(0).get("ID_");
        Number revision = null;
        String because = null;
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("NAME_");
            String type = (String) row.get("TYPE_");
            if (!id.equals(row.get("ID_"))) {
                return openCycleThroughTheEngine(articleId);
            } else if (ProcessVariables.REVISION.equals(name)) {
                if (!"integer".equals(type) && !"long".equals(type) && !"short".equals(type)) {
                    return openCycleThroughTheEngine(articleId);
                }
                revision = (Number) row.get("LONG_");
            } else if (ProcessVariables.OPENED_BECAUSE.equals(name)) {
                if (!"string".equals(type)) {
                    return openCycleThroughTheEngine(articleId);
                }
                because = (String) row.get("TEXT_");
            }
        }
        if (revision == null) {
            return Optional.empty();
        }
        return Optional.of(new Cycle(id, revision.intValue(), because == null ? CycleReason.SUBMISSION : CycleReason.valueOf(because)));
    }

    /**
     * The open cycle read in one engine command: its root execution, then that execution's own
     * variables as the engine gives them. A revision that is neither a number nor digits (retyped
     * by hand) is an error, never "no cycle": a reopen would then start a second cycle beside it.
     */
    private Optional<Cycle> openCycleThroughTheEngine(long articleId) {
        return Optional.ofNullable(commands.execute(context -> {
            ProcessInstance instance = cycleOf(articleId);
            if (instance == null) {
                return null;
            }
            Map<String, Object> vars = new HashMap<>();
            context.getVariableInstanceManager().findVariableInstancesByExecutionIdAndVariableNames(instance.getId(),
                    List.of(ProcessVariables.REVISION, ProcessVariables.OPENED_BECAUSE)).forEach(v -> vars.put(v.getName(), v.getValue()));
            Object value = vars.get(ProcessVariables.REVISION);
            int revision;
            if (value instanceof Number number) {
                revision = number.intValue();
            } else if (value instanceof String digits && digits.strip().matches("[0-9]{1,9}")) {
                revision = Integer.parseInt(digits.strip());
            } else {
                throw new IllegalStateException("Article " + articleId + " has an open cycle (" + instance.getId()
                        + ") whose revision variable is not a number: " + value);
            }
            Object because = vars.get(ProcessVariables.OPENED_BECAUSE);
            return new Cycle(instance.getId(), revision,
                    because == null ? CycleReason.SUBMISSION : CycleReason.valueOf(because.toString()));
        }));
    }

    private static final String CYCLE_WITH_VARIABLES = "select E.ID_, V.NAME_, V.TYPE_, V.LONG_, V.TEXT_ from ACT_RU_EXECUTION E"
            + " join ACT_RE_PROCDEF D on D.ID_ = E.PROC_DEF_ID_"
            + " left join ACT_RU_VARIABLE V on V.EXECUTION_ID_ = E.ID_ and V.TASK_ID_ is null and V.NAME_ in (?, ?)"
            + " where E.BUSINESS_KEY_ = ? and E.PARENT_ID_ is null and D.KEY_ = ?";

    /**
     * The article's open cycle, if any: its process instance found on the business key's index. A
     * native query, because the engine's process-instance query builds its statement from dozens of
     * optional criteria on every call (the most expensive read of the article view).
     */
    private ProcessInstance cycleOf(long articleId) {
        return runtime.createNativeProcessInstanceQuery().sql(CYCLE_BY_ARTICLE)
                .parameter("article", String.valueOf(articleId)).parameter("process", ProcessVariables.PROCESS_KEY).singleResult();
    }

    private static final String CYCLE_BY_ARTICLE = "select E.* from ACT_RU_EXECUTION E join ACT_RE_PROCDEF D on D.ID_ = E.PROC_DEF_ID_"
            + " where E.BUSINESS_KEY_ = #{article} and E.PARENT_ID_ is null and D.KEY_ = #{process}";

    private String start(RevisionView revision, CycleReason because) {
        Map<String, Object> variables = revisionVariables(revision);
        variables.put(ProcessVariables.ARTICLE_ID, revision.articleId());
        variables.put(ProcessVariables.OPENED_BECAUSE, because.name());
        return runtime.startProcessInstanceById(definition.id(), String.valueOf(revision.articleId()), variables).getId();
    }

    private static Map<String, Object> revisionVariables(RevisionView revision) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.REVISION, revision.number());
        variables.put(ProcessVariables.WRITER, revision.createdBy());
        variables.put(ProcessVariables.AUTHORS, String.join(",", revision.authors()));
        return variables;
    }

    /**
     * The open tasks of the article's cycle, from the queues' read model (kept in step with the engine
     * in its own transactions, {@link TaskQueueListener}): one statement on the article's index. A
     * task carries the revision its cycle had when it was created; a cycle's revision changes only
     * when its "revise" task completes, which ends that task, so the two agree.
     */
    @Override
    public List<OpenTask> openTasks(long articleId) {
        return queue.ofArticle(articleId).stream().filter(t -> TaskKind.ofKey(t.key()).map(TaskKind::ofTheReviewCycle).orElse(false))
                .map(t -> new OpenTask(t.id(), t.key(), t.name(), t.revision(), t.assignee(), t.created(), t.due())).toList();
    }

    private boolean cycleOpen(long articleId) {
        return cycleOf(articleId) != null;
    }

    /**
     * The id of the writer's open "revise" task in the article's open cycle, or null: from the read
     * model, as {@link #openTasks}; asked of the engine only when the read model has none (a cycle
     * started outside the product, whose tasks carry no article id and so are not in the queues).
     */
    private String reviseTask(long articleId) {
        String fromQueue = queue.ofArticle(articleId).stream().filter(t -> TaskKind.REVISE.is(t.key())).map(TaskQueue.Entry::id)
                .findFirst().orElse(null);
        if (fromQueue != null) {
            return fromQueue;
        }
        Task fromEngine = tasks.createTaskQuery().processDefinitionKey(ProcessVariables.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(articleId)).taskDefinitionKey(TaskKind.REVISE.key()).singleResult();
        return fromEngine == null ? null : fromEngine.getId();
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
