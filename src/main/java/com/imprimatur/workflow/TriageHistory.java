package com.imprimatur.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Issue 5: every reader's report starts a triage process with four variables, and history level
 * FULL would write each variable twice: its history row (ACT_HI_VARINST) and a detail row
 * (ACT_HI_DETAIL) holding the very same first value. For those four starting variables of a
 * triage process the detail is left out; their values stay in the variables' history rows, and
 * everything later (the editor's decision and comment) is written in full. All other processes keep
 * full history.
 */
@Component
class TriageHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new WithoutFirstTriageDetails());
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static final class WithoutFirstTriageDetails extends DbHistoryEventHandler {

        /** The variables a triage process starts with (set by {@link CamundaTriageQueue}). */
        private static final Set<String> STARTING = Set.of(ProcessVariables.ARTICLE_ID, ProcessVariables.REVISION,
                ProcessVariables.REPORT_ID, ProcessVariables.AUTHORS);

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event)
                    && !(CamundaTriageQueue.PROCESS_KEY.equals(event.getProcessDefinitionKey())
                            && event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                            && STARTING.contains(event.getVariableName()));
        }
    }
}
