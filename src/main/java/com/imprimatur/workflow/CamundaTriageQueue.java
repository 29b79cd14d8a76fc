package com.imprimatur.workflow;

import com.imprimatur.feedback.TriageQueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Each stored report starts processes/feedback-triage.bpmn, whose first step is the editors' triage
 * task. The reports stored together start their processes in one engine command, so the engine
 * writes their rows in one flush (as JDBC batches) instead of one round of inserts per report.
 */
@Component
class CamundaTriageQueue implements TriageQueue {

    static final String PROCESS_KEY = "feedback-triage";

    /** How long the latest triage process definition is trusted before it is looked up again. */
    private static final long DEFINITION_MILLIS = 60_000;

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final CommandExecutor commands;
    private volatile String definitionId;
    private volatile long definitionSince;

    CamundaTriageQueue(RuntimeService runtime, RepositoryService repository, ProcessEngineConfigurationImpl configuration) {
        this.runtime = runtime;
        this.repository = repository;
        this.commands = configuration.getCommandExecutorTxRequired();
    }

    /**
     * The latest deployed version of the triage process. Starting by key would ask the database for
     * it on every report; it changes only when a node deploys a new version, so it is looked up once
     * a minute (a new version is used by every node within a minute of its deployment).
     */
    private String definition() {
        long now = System.currentTimeMillis();
        if (definitionId == null || now - definitionSince > DEFINITION_MILLIS) {
            definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion()
                    .singleResult().getId();
            definitionSince = now;
        }
        return definitionId;
    }

    @Override
    public void reportsReceived(List<Received> reports) {
        String definition = definition();
        // the nested starts join this command's context and so its single flush
        commands.execute(context -> {
            for (Received report : reports) {
                Map<String, Object> variables = new HashMap<>();
                variables.put(ProcessVariables.ARTICLE_ID, report.articleId());
                variables.put(ProcessVariables.REVISION, report.revision());
                variables.put(ProcessVariables.REPORT_ID, report.reportId());
                variables.put(ProcessVariables.AUTHORS, String.join(",", report.authors()));
                runtime.startProcessInstanceById(definition, String.valueOf(report.articleId()), variables);
            }
            return null;
        });
    }
}
