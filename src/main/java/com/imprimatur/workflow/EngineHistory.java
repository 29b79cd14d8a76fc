package com.imprimatur.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's history (level FULL, so Cockpit and the history API keep what they show) without the
 * rows that repeat another row or that nobody reads (docs/performance.md, "Sixth round"):
 *
 * <ul>
 * <li><b>A variable's first value is written once</b>, in its history row ({@code ACT_HI_VARINST}, which
 * holds the same value, time, process, activity and task), not a second time as a detail
 * ({@code ACT_HI_DETAIL}, fifteen indexes). When the variable changes, its first value is written as
 * a detail first (copied from the history row before the change, at the time it was set), then the
 * change: a variable that changed has every value in the details, as with plain FULL; one set once
 * has its value in its history row. Values kept in byte arrays (none on our routes) are written as
 * plain FULL writes them.
 * <li><b>The job log keeps failures</b>: a job's failure (with its stack trace) is what an operator
 * reads beside an incident. The routine entries of every job's life (created, succeeded, deleted:
 * eight rows per review cycle, for the asynchronous check, the publication and the reminder timers)
 * are not written.
 * <li><b>No identity-link log</b>: candidate groups and assignees of tasks as they changed. Who took
 * which task is in the audit trail, the decisions and the task history ({@code ACT_HI_TASKINST}).
 * </ul>
 */
@Component
class EngineHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new Kept());
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static final class Kept extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricIdentityLinkLogEventEntity
                    || event instanceof HistoricJobLogEvent job && job.getState() != JobState.FAILED.getStateCode()) {
                return;
            }
            super.handleEvent(event);
        }

        @Override
        protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
            if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE) && super.shouldWriteHistoricDetail(event)) {
                writeFirstValueIfMissing(event.getVariableInstanceId());
            }
            super.insertHistoricVariableUpdateEntity(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event)
                    && !(event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && plain(event));
        }

        private static boolean plain(HistoricVariableUpdateEventEntity event) {
            return event.getByteValue() == null && event.getByteArrayId() == null;
        }

        /**
         * Before a variable's first change is written: its first value as a detail, unless a detail of
         * it exists (written in this command, or earlier: a variable set before this handler was used,
         * or kept in bytes).
         */
        private void writeFirstValueIfMissing(String variableInstanceId) {
            CommandContext command = Context.getCommandContext();
            HistoricVariableInstanceEntity first = getDbEntityManager().selectById(HistoricVariableInstanceEntity.class, variableInstanceId);
            if (first == null || first.getByteArrayId() != null) {
                return;
            }
            // asked by the cache's key class: asked by a subclass, Camunda's cache compares the wrong class and finds none
            boolean pending = getDbEntityManager().getCachedEntitiesByType(HistoricDetailEventEntity.class).stream()
                    .anyMatch(detail -> detail instanceof HistoricVariableUpdateEventEntity update
                            && variableInstanceId.equals(update.getVariableInstanceId()));
            if (pending) {
                return;
            }
            HistoricDetailQueryImpl ofTheVariable = new HistoricDetailQueryImpl();
            ofTheVariable.variableInstanceId(variableInstanceId);
            long written = command.runWithoutAuthorization(
                    () -> command.getHistoricDetailManager().findHistoricDetailCountByQueryCriteria(ofTheVariable));
            if (written > 0) {
                return;
            }
            HistoricVariableUpdateEventEntity detail = new HistoricVariableUpdateEventEntity();
            detail.setId(Context.getProcessEngineConfiguration().getIdGenerator().getNextId());
            detail.setEventType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName());
            detail.setTimestamp(first.getCreateTime());
            detail.setSequenceCounter(1);
            detail.setRevision(0);
            detail.setVariableInstanceId(variableInstanceId);
            detail.setVariableName(first.getName());
            detail.setSerializerName(first.getSerializerName());
            detail.setLongValue(first.getLongValue());
            detail.setDoubleValue(first.getDoubleValue());
            detail.setTextValue(first.getTextValue());
            detail.setTextValue2(first.getTextValue2());
            detail.setProcessDefinitionId(first.getProcessDefinitionId());
            detail.setProcessDefinitionKey(first.getProcessDefinitionKey());
            detail.setProcessInstanceId(first.getProcessInstanceId());
            detail.setRootProcessInstanceId(first.getRootProcessInstanceId());
            detail.setExecutionId(first.getExecutionId());
            detail.setActivityInstanceId(first.getActivityInstanceId());
            detail.setScopeActivityInstanceId(first.getActivityInstanceId());
            detail.setTaskId(first.getTaskId());
            detail.setTenantId(first.getTenantId());
            detail.setRemovalTime(first.getRemovalTime());
            getDbEntityManager().insert(detail);
        }
    }
}
