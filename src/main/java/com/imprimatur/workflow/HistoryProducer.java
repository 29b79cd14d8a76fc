package com.imprimatur.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * Makes the engine's history events ({@link EngineHistory}: what is kept) and skips the work for
 * what is not kept.
 *
 * <ul>
 * <li><b>No event for a row never written.</b> The identity-link log is not kept, nor the job log's
 * routine entries (a job created, succeeded, deleted): their events are not made (null, which the
 * engine skips), instead of being made and dropped. Making one read the job's definition and its
 * process definition (a statement each, in a command that had not read them yet): a review cycle's
 * two timers, deleted when the review is decided, and its two asynchronous jobs.
 * <li><b>The removal time at the end, where the rows are.</b> When a process instance ends
 * (removal-time strategy "end"), Camunda sets the removal time in every history table by the
 * instance's root: fifteen UPDATE statements per ended review cycle, ten of which find no row of a
 * cycle that went its ordinary way (the identity-link log is never written; the job log, incidents
 * and byte arrays, which hold stack traces, only after a job failed; the operation log, comments and
 * attachments only through Camunda's own APIs; external tasks and decisions belong to no model of
 * ours). Here the five tables every cycle writes (the instance, its activities, tasks, variables and
 * details) are updated as Camunda does; each of the others only when it holds a row of the instance
 * (one statement asks them all) or the command that ends the instance writes one to it (its inserts
 * wait in the command's cache until the command closes). The choice is made when the command
 * closes, just before it flushes: an administrator's deletion of an instance writes its
 * operation-log entry after the instance has ended. The rows, their removal time and the history
 * cleanup (removal-time based) are as before.
 * </ul>
 *
 * <p>The check reads with a shared lock in each subquery, so that, like Camunda's update, it waits
 * for a row of the instance that another transaction has written and not yet committed (an
 * administrator's comment through Camunda's webapps in the moment the cycle ends) and then finds it;
 * a plain read would not see it, and the row would keep no removal time. One limit: an instance that
 * ended inside another command-close listener would fail its command (the engine's list of listeners
 * changes while it is being read); none of our models ends on a conditional event or keeps object
 * variables.
 *
 * <p>docs/performance.md, fifteenth round.
 */
final class HistoryProducer extends CacheAwareHistoryEventProducer {

    /** The tables every ended cycle has rows in: updated as Camunda does. */
    private static final List<Class<?>> EVERY_CYCLE = List.of(HistoricActivityInstanceEventEntity.class,
            HistoricTaskInstanceEventEntity.class, HistoricVariableInstanceEntity.class, HistoricDetailEventEntity.class);

    /** The tables a cycle has rows in now and then, by the entity Camunda's update names them by. */
    private static final Map<Class<?>, String> NOW_AND_THEN = new LinkedHashMap<>();

    static {
        NOW_AND_THEN.put(HistoricIncidentEventEntity.class, "ACT_HI_INCIDENT");
        NOW_AND_THEN.put(HistoricExternalTaskLogEntity.class, "ACT_HI_EXT_TASK_LOG");
        NOW_AND_THEN.put(HistoricJobLogEventEntity.class, "ACT_HI_JOB_LOG");
        NOW_AND_THEN.put(UserOperationLogEntryEventEntity.class, "ACT_HI_OP_LOG");
        NOW_AND_THEN.put(HistoricIdentityLinkLogEventEntity.class, "ACT_HI_IDENTITYLINK");
        NOW_AND_THEN.put(CommentEntity.class, "ACT_HI_COMMENT");
        NOW_AND_THEN.put(AttachmentEntity.class, "ACT_HI_ATTACHMENT");
        NOW_AND_THEN.put(ByteArrayEntity.class, "ACT_GE_BYTEARRAY");
    }

    @Override
    public HistoryEvent createHistoricIdentityLinkAddEvent(IdentityLink identityLink) {
        return null;
    }

    @Override
    public HistoryEvent createHistoricIdentityLinkDeleteEvent(IdentityLink identityLink) {
        return null;
    }

    @Override
    public HistoryEvent createHistoricJobLogCreateEvt(Job job) {
        return null;
    }

    @Override
    public HistoryEvent createHistoricJobLogSuccessfulEvt(Job job) {
        return null;
    }

    @Override
    public HistoryEvent createHistoricJobLogDeleteEvt(Job job) {
        return null;
    }

    @Override
    protected void addRemovalTimeToHistoricProcessInstances(String rootProcessInstanceId, Date removalTime) {
        CommandContext command = Context.getCommandContext();
        command.registerCommandContextListener(new Ended(rootProcessInstanceId, removalTime));
    }

    /** Decided with the rest when the command closes ({@link Ended}): only if the instance has decisions. */
    @Override
    protected void addRemovalTimeToHistoricDecisions(String rootProcessInstanceId, Date removalTime) {
    }

    /** One ended root instance, its history's removal time written when its command closes. */
    private static final class Ended implements CommandContextListener {

        private final String root;
        private final Date removalTime;

        Ended(String root, Date removalTime) {
            this.root = root;
            this.removalTime = removalTime;
        }

        @Override
        public void onCommandContextClose(CommandContext command) {
            ProcessEngineConfigurationImpl configuration = command.getProcessEngineConfiguration();
            boolean decisions = configuration.isDmnEnabled();
            Set<Class<?>> written = written(command, configuration.getDatabaseTablePrefix(), decisions);
            Set<String> entities = new HashSet<>();
            EVERY_CYCLE.forEach(type -> entities.add(type.getName()));
            NOW_AND_THEN.keySet().stream().filter(written::contains).forEach(type -> entities.add(type.getName()));
            if (configuration.isEnableHistoricInstancePermissions()) {
                entities.add(AuthorizationEntity.class.getName());
            }
            // the instance's own row is updated whatever the set holds (no batch size given)
            command.getHistoricProcessInstanceManager().addRemovalTimeToProcessInstancesByRootProcessInstanceId(root, removalTime, null, entities);
            if (decisions && written.contains(HistoricDecisionInstanceEntity.class)) {
                command.getHistoricDecisionInstanceManager().addRemovalTimeToDecisionsByRootProcessInstanceId(root, removalTime);
            }
        }

        @Override
        public void onCommandFailed(CommandContext command, Throwable t) {
        }

        /**
         * The now-and-then tables (and the decisions') that hold a row of the instance or are written
         * by this command: any entity of theirs in its cache counts, whichever instance it belongs to.
         */
        private Set<Class<?>> written(CommandContext command, String prefix, boolean decisions) {
            Map<Class<?>, String> tables = new LinkedHashMap<>(NOW_AND_THEN);
            if (decisions) {
                tables.put(HistoricDecisionInstanceEntity.class, "ACT_HI_DECINST");
            }
            Set<Class<?>> written = new HashSet<>();
            for (CachedDbEntity cached : command.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
                tables.keySet().stream().filter(type -> type.isInstance(cached.getEntity())).forEach(written::add);
            }
            List<Class<?>> asked = new ArrayList<>(tables.keySet());
            asked.removeAll(written);
            if (asked.isEmpty()) {
                return written;
            }
            StringBuilder sql = new StringBuilder("select ");
            for (int i = 0; i < asked.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("exists (select 1 from ").append(prefix == null ? "" : prefix)
                        .append(tables.get(asked.get(i))).append(" where ROOT_PROC_INST_ID_ = ? lock in share mode)");
            }
            Connection connection = command.getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < asked.size(); i++) {
                    statement.setString(i + 1, root);
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    for (int i = 0; i < asked.size(); i++) {
                        if (row.getBoolean(i + 1)) {
                            written.add(asked.get(i));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new ProcessEngineException("Could not ask which history tables hold rows of process instance " + root, e);
            }
            return written;
        }
    }
}
