package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's hardening (Camunda's security notes) and retention: history cleanup yes, audit trail never;
 * the engine runs only our models (no deployment after start-up, no deletion) and no scripts.
 */
class EngineHardeningTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEngineIsConfiguredPerTheSecurityNotes() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(config.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(config.getQueryMaxResultsLimit()).isEqualTo(1000);
        assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(config.isDeserializationTypeValidationEnabled()).isTrue();
        assertThat(config.isEnableScriptEngineLoadExternalResources()).isFalse();
    }

    @Test
    void noScriptRunsInTheEngine() {
        // (a model with a script task cannot be deployed at all: aModelDeployedAfterStartUpIsRefused)
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        ScriptingEngines engines = config.getScriptingEngines();
        for (String language : new String[] {"javascript", "groovy", "juel", "python"}) {
            assertThatThrownBy(() -> config.getCommandExecutorTxRequired().execute(context -> engines.getScriptEngineForLanguage(language)))
                    .as(language).hasMessageContaining("Scripts are disabled");
        }
    }

    @Test
    void aModelDeployedAfterStartUpIsRefused() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        BpmnModelInstance bean = Bpmn.createExecutableProcess("bean-probe").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaExpression("${staffIdentity.toString()}").endEvent().done();
        BpmnModelInstance script = Bpmn.createExecutableProcess("script-probe").camundaHistoryTimeToLive(1)
                .startEvent().scriptTask().scriptFormat("groovy").scriptText("1 + 1").endEvent().done();
        for (BpmnModelInstance model : List.of(bean, script)) {
            assertThatThrownBy(() -> repository.createDeployment().addModelInstance("probe.bpmn", model).deploy())
                    .hasMessageContaining("Deployment refused");
        }
        // a model of ours with one byte more is not ours
        byte[] ours = repository.getResourceAsStream(deploymentOf("article-review"), resourceOf("article-review"))
                .readAllBytes();
        byte[] changed = java.util.Arrays.copyOf(ours, ours.length + 1);
        changed[ours.length] = '\n';
        assertThatThrownBy(() -> repository.createDeployment().addString("article-review.bpmn",
                new String(changed, java.nio.charset.StandardCharsets.UTF_8)).deploy()).hasMessageContaining("Deployment refused");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("bean-probe").count()).isZero();
    }

    @Test
    void ourModelsAreNeverDeleted() {
        String deployment = deploymentOf("article-review");
        assertThatThrownBy(() -> repository.deleteDeployment(deployment, true)).hasMessageContaining("never deleted");
        assertThatThrownBy(() -> repository.deleteProcessDefinitions().byKey("article-review").cascade().delete())
                .hasMessageContaining("never deleted");
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("article-review").latestVersion()
                .singleResult().getId();
        assertThatThrownBy(() -> repository.deleteProcessDefinition(definition, true)).hasMessageContaining("never deleted");
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isOne();
    }

    @Test
    void adHocQueriesTakeNoExpressions() {
        assertThatThrownBy(() -> taskService.createTaskQuery().taskAssigneeExpression("${staffIdentity}").list())
                .hasMessageContaining("Expressions are forbidden");
        // Camunda 7.24.0 itself checks only the first; NoQueryExpressions the or-branches too
        assertThatThrownBy(() -> taskService.createTaskQuery().or().taskAssigneeExpression("${staffIdentity}").endOr().list())
                .hasMessageContaining("Expressions are forbidden");
        assertThatThrownBy(() -> taskService.createTaskQuery().or().taskCandidateGroupExpression("${staffIdentity}").endOr().count())
                .hasMessageContaining("Expressions are forbidden");
    }

    private String deploymentOf(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getDeploymentId();
    }

    private String resourceOf(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getResourceName();
    }

    @Test
    void historyIsCleanedUpOnATimeToLiveAndTheAuditTrailIsNot() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull().isPositive();
        }
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();

        // the events recorded so far, by their sequence: the cleanup must leave every one of them
        long lastSeq = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
        long auditBefore = jdbc.queryForObject("select count(*) from audit_event where seq <= ?", Long.class, lastSeq);
        assertThat(auditBefore).isPositive();
        cleanUp();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where seq <= ?", Long.class, lastSeq)).isEqualTo(auditBefore);
    }

    @Test
    void everyHistoryRowOfAnEndedCycleCarriesItsRemovalTimeAndGoesWhenItComes() {
        Desk desk = new Desk(api());
        long old = desk.publish("writer", Desk.article("Retention: removal time passed", 1), 1).get("id").asLong();
        long recent = desk.publish("writer", Desk.article("Retention: ended today", 1), 1).get("id").asLong();
        String oldCycle = endedCycle(old);
        String recentCycle = endedCycle(recent);
        // and a cycle whose plagiarism check kept failing (its job log keeps the failures and their stack
        // traces) until an administrator ended it (the engine's user-operation log records who)
        String failed = runtime.createProcessInstanceByKey("article-review").businessKey("retention-" + UUID.randomUUID())
                .setVariables(Map.of("articleId", -7L, "revision", 1, "writer", "writer", "authors", "writer"))
                .startBeforeActivity("checkPlagiarism").execute().getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricJobLogQuery().processInstanceId(failed).failureLog().count() > 0);
        // a comment and an attachment on it through Camunda's task API (tables no ordinary cycle writes: HistoryProducer)
        taskService.createComment(null, failed, "looked at by an operator");
        taskService.createAttachment("url", null, failed, "runbook", "what the operator read", "https://example.org/runbook");
        identity.setAuthenticatedUserId("admin");
        try {
            runtime.deleteProcessInstance(failed, "test: ended by an admin");
        } catch (org.camunda.bpm.engine.OptimisticLockingException retriedMeanwhile) {
            runtime.deleteProcessInstance(failed, "test: ended by an admin");
        } finally {
            identity.clearAuthentication();
        }
        Map<String, Long> oldRows = historyRows(oldCycle);
        Map<String, Long> failedRows = historyRows(failed);
        Map<String, Long> recentRows = historyRows(recentCycle);
        // what a published cycle leaves (the product's history, EngineHistory): the instance, its steps, its variables and their first values, its tasks
        for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_TASKINST")) {
            assertThat(oldRows.get(table)).as(table).isPositive();
        }
        // the failed cycle: its job log, the failures' stack traces (byte arrays), the administrator's deletion
        assertThat(failedRows.get("ACT_HI_JOB_LOG")).isPositive();
        assertThat(failedRows.get("ACT_GE_BYTEARRAY")).isPositive();
        assertThat(failedRows.get("ACT_HI_OP_LOG")).isPositive();
        assertThat(failedRows.get("ACT_HI_COMMENT")).isPositive();
        assertThat(failedRows.get("ACT_HI_ATTACHMENT")).isPositive();

        // the cleanup deletes by removal time: no row of an ended cycle may lack one, or it would stay for ever
        for (String table : historyTables()) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ in (?, ?, ?) and REMOVAL_TIME_ is null",
                    Long.class, oldCycle, recentCycle, failed)).as(table).isZero();
        }
        // ... and it is the end plus article-review's time to live (P365D: calendar days, so an hour either way across a change of summer time)
        for (String cycle : List.of(oldCycle, failed)) {
            var ended = history.createHistoricProcessInstanceQuery().processInstanceId(cycle).singleResult();
            assertThat(Duration.between(ended.getEndTime().toInstant(), ended.getRemovalTime().toInstant()))
                    .isBetween(Duration.ofDays(365).minusHours(1), Duration.ofDays(365).plusHours(1));
        }
        long auditOfOld = jdbc.queryForObject("select count(*) from audit_event where article_id = ?", Long.class, old);
        assertThat(auditOfOld).isPositive();

        // a year on for two of them: their removal time has passed
        for (String table : historyTables()) {
            jdbc.update("update " + table + " set REMOVAL_TIME_ = date_sub(REMOVAL_TIME_, interval 366 day) where ROOT_PROC_INST_ID_ in (?, ?)",
                    oldCycle, failed);
        }
        cleanUp();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(historyRows(oldCycle)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(historyRows(failed)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        });
        assertThat(historyRows(recentCycle)).isEqualTo(recentRows);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where article_id = ?", Long.class, old)).isEqualTo(auditOfOld);
        assertThat(new Desk(api()).article("editor", old).get("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void aHistoryRowStillBeingWrittenWhenACycleEndsGetsItsRemovalTimeToo() throws Exception {
        String cycle = runtime.createProcessInstanceByKey("article-review").businessKey("retention-race-" + UUID.randomUUID())
                .setVariables(Map.of("articleId", -8L, "revision", 1, "writer", "writer", "authors", "writer"))
                .startBeforeActivity("checkPlagiarism").execute().getId();
        String comment = UUID.randomUUID().toString();
        try (java.sql.Connection operator = jdbc.getDataSource().getConnection()) {
            // an operator's comment on the cycle, written and not yet committed (as Camunda's AddCommentCmd writes it)
            operator.setAutoCommit(false);
            try (var insert = operator.prepareStatement("insert into ACT_HI_COMMENT (ID_, TYPE_, TIME_, USER_ID_, PROC_INST_ID_,"
                    + " ROOT_PROC_INST_ID_, ACTION_, MESSAGE_, FULL_MSG_) values (?, 'comment', now(), 'admin', ?, ?, 'AddComment', ?, ?)")) {
                insert.setString(1, comment);
                insert.setString(2, cycle);
                insert.setString(3, cycle);
                insert.setString(4, "written while the cycle ends");
                insert.setBytes(5, "written while the cycle ends".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                insert.executeUpdate();
            }
            var ended = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    runtime.deleteProcessInstance(cycle, "test: ended while a comment was being written");
                } catch (org.camunda.bpm.engine.OptimisticLockingException retriedMeanwhile) {
                    runtime.deleteProcessInstance(cycle, "test: ended while a comment was being written");
                }
            });
            // the end's check of the tables a cycle writes now and then waits for the comment, as Camunda's update would
            Thread.sleep(1000);
            assertThat(ended).isNotDone();
            operator.commit();
            ended.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(cycle).singleResult().getRemovalTime()).isNotNull();
        assertThat(jdbc.queryForObject("select REMOVAL_TIME_ is not null from ACT_HI_COMMENT where ID_ = ?", Boolean.class, comment)).isTrue();
    }

    /** The ended cycle of an article (its only one). */
    private String endedCycle(long articleId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey("article-review")
                .processInstanceBusinessKey(String.valueOf(articleId)).finished().count() == 1);
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("article-review")
                .processInstanceBusinessKey(String.valueOf(articleId)).singleResult().getId();
    }

    /** Every table of the engine that keeps history of a process instance (each has its root's id and a removal time). */
    private List<String> historyTables() {
        return jdbc.queryForList("select r.table_name from information_schema.columns r join information_schema.columns t"
                + " on t.table_schema = r.table_schema and t.table_name = r.table_name and t.column_name = 'REMOVAL_TIME_'"
                + " where r.table_schema = database() and r.column_name = 'ROOT_PROC_INST_ID_' order by r.table_name", String.class);
    }

    /** How many rows each of those tables holds for one cycle. */
    private Map<String, Long> historyRows(String cycle) {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : historyTables()) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?", Long.class, cycle));
        }
        return rows;
    }

    /**
     * Runs the history cleanup now, outside its nightly window. The job is due at once, so the job
     * executor may run it at the same moment as this call (which bypasses the job's lock): one of the
     * two then loses, on the job's version or, when both delete the same rows, as a deadlock's victim,
     * and the other goes on. Callers wait for what it removes.
     */
    private void cleanUp() {
        Job cleanup = history.cleanUpHistoryAsync(true);
        try {
            management.executeJob(cleanup.getId());
        } catch (org.camunda.bpm.engine.OptimisticLockingException ranMeanwhile) {
            // the job executor ran the same cleanup job at the same moment: it ran either way
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            if (!deadlock(e)) {
                throw e;
            }
        }
    }

    private static boolean deadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }
}
