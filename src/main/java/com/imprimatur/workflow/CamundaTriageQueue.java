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

    private final RuntimeService runtime;
    private final LatestDefinition definition;
    private final CommandExecutor commands;

    CamundaTriageQueue(RuntimeService runtime, RepositoryService repository, ProcessEngineConfigurationImpl configuration) {
        this.runtime = runtime;
        this.definition = new LatestDefinition(repository, PROCESS_KEY);
        this.commands = configuration.getCommandExecutorTxRequired();
    }

    @Override
    public void reportsReceived(List<Received> reports) {
        String latest = definition.id();
        // the nested starts join this command's context and so its single flush
        commands.execute(context -> {
            for (Received report : reports) {
                Map<String, Object> variables = new HashMap<>();
                variables.put(ProcessVariables.ARTICLE_ID, report.articleId());
                variables.put(ProcessVariables.REVISION, report.revision());
                variables.put(ProcessVariables.REPORT_ID, report.reportId());
                variables.put(ProcessVariables.AUTHORS, String.join(",", report.authors()));
                runtime.startProcessInstanceById(latest, String.valueOf(report.articleId()), variables);
            }
            return null;
        });
    }
}
