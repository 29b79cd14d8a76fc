package com.imprimatur.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
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
 * holds the same value, time, process, scope and task), not a second time as a detail
 * ({@code ACT_HI_DETAIL}, fourteen indexes besides its key). When the variable changes or is
 * removed, its first value is written as a detail first (copied from the history row, at the time
 * it was set), then the change: a variable that changed has every value in the details, as with plain FULL; one set once
 * has its value in its history row. The values a review cycle starts with are written as plain
 * FULL writes them (flagged initial: Camunda's restart of an instance with its initial variables
 * reads them from the details; a triage process's, which never change, are not, as since issue 5),
 * and so are values kept in byte arrays (none on our routes).
 * <li><b>The job log keeps failures</b>: a job's failure (with its stack trace) is what an operator
 * reads beside an incident. The routine entries of every job's life (created, succeeded, deleted:
 * eight rows per review cycle, for the asynchronous check, the publication and the reminder timers)
 * are not written.
 * <li><b>No identity-link log</b>: candidate groups and assignees of tasks as they changed. Who took
 * which task through the desk is in the audit trail and the decisions; through Camunda's own
 * webapps, in the engine's user-operation log (kept); the last assignee in the task history.
 * </ul>
 *
 * <p>The events of the job log's routine entries and of the identity-link log are not made at all
 * ({@link HistoryProducer}, which also writes an ended instance's removal time only to the tables
 * that hold its rows); the handler below writes the rest.
 *
 * <p>What the history API then answers differently (nothing here asks): the task-history filters on
 * candidates and involvement ({@code taskHadCandidateUser/Group}, {@code taskInvolvedUser/Group},
 * {@code withCandidateGroups}) find no task and {@code withoutCandidateGroups} finds every task; the
 * process-history filters {@code executedJobBefore/After} find only instances with a failed job.
 */
@Component
public class EngineHistory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new Kept());
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setHistoryEventProducer(new HistoryProducer());
    }

    static final class Kept extends DbHistoryEventHandler {

        @Override
        protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
            if ((event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE) || event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE))
                    && super.shouldWriteHistoricDetail(event)) {
                writeFirstValueIfMissing(event.getVariableInstanceId());
            }
            super.insertHistoricVariableUpdateEntity(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && !onlyInItsHistoryRow(event);
        }

        /**
         * A first value that needs no detail of its own: not kept in bytes, and not one a review cycle
         * starts with (Camunda's restart "with the initial variables" reads those from the details). A
         * triage process's four starting values are left out as since issue 5: a triage never changes
         * them, so its restart with the last values (the default) restarts it with the same ones.
         */
        private static boolean onlyInItsHistoryRow(HistoricVariableUpdateEventEntity event) {
            return event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                    && (!Boolean.TRUE.equals(event.isInitial()) || CamundaTriageQueue.PROCESS_KEY.equals(event.getProcessDefinitionKey()))
                    && event.getByteValue() == null && event.getByteArrayId() == null;
        }

        /**
         * Before a variable's first change (or its removal) is written: its first value as a detail,
         * unless a detail of it exists (written in this command, or earlier: a starting value, one kept
         * in bytes, one set before this handler was used). The copy names the variable's scope as its
         * activity instance (the history row does not keep the activity that set it) and no operation.
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
