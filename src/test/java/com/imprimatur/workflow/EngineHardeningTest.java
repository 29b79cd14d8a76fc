package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imprimatur.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's hardening (Camunda's security notes) and retention: history cleanup yes, audit trail never. */
class EngineHardeningTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
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
        for (String language : new String[] {"javascript", "groovy", "juel", "python"}) {
            BpmnModelInstance model = Bpmn.createExecutableProcess("script-probe-" + language).camundaHistoryTimeToLive(1)
                    .startEvent().scriptTask().scriptFormat(language).scriptText("1 + 1").endEvent().done();
            Deployment deployment = repository.createDeployment().addModelInstance("probe-" + language + ".bpmn", model).deploy();
            try {
                assertThatThrownBy(() -> runtime.startProcessInstanceByKey("script-probe-" + language))
                        .as(language).hasMessageContaining("Scripts are disabled");
            } finally {
                repository.deleteDeployment(deployment.getId(), true);
            }
        }
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

        long auditBefore = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        Job cleanup = history.cleanUpHistoryAsync(true);
        try {
            management.executeJob(cleanup.getId());
        } catch (org.camunda.bpm.engine.OptimisticLockingException ranMeanwhile) {
            // the job executor ran the same cleanup job at the same moment: it ran either way
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isGreaterThanOrEqualTo(auditBefore);
    }
}
