package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imprimatur.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import java.util.List;
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
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();

        // the events recorded so far, by their sequence: the cleanup must leave every one of them
        long lastSeq = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
        long auditBefore = jdbc.queryForObject("select count(*) from audit_event where seq <= ?", Long.class, lastSeq);
        assertThat(auditBefore).isPositive();
        Job cleanup = history.cleanUpHistoryAsync(true);
        try {
            management.executeJob(cleanup.getId());
        } catch (org.camunda.bpm.engine.OptimisticLockingException ranMeanwhile) {
            // the job executor ran the same cleanup job at the same moment: it ran either way
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where seq <= ?", Long.class, lastSeq)).isEqualTo(auditBefore);
    }
}
