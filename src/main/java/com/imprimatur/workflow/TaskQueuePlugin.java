package com.imprimatur.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds {@link FourEyesGuard}, {@link ReviewClock}, {@link TaskQueueListener} and {@link TaskNotices} to every user task of every deployed
 * process, as built-in listeners: they run whatever path reaches the engine, and the queue's
 * listener runs even when a cancellation skips custom listeners, so no row outlives its task.
 */
@Component
class TaskQueuePlugin extends AbstractProcessEnginePlugin {

    private final TaskQueueListener listener;
    private final FourEyesGuard guard;
    private final ReviewClock clock;
    private final TaskNotices notices;

    TaskQueuePlugin(TaskQueueListener listener, FourEyesGuard guard, ReviewClock clock, TaskNotices notices) {
        this.listener = listener;
        this.guard = guard;
        this.clock = clock;
        this.notices = notices;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, guard);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, guard);
                // the clock before the queue, which then records the new due date
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, clock);
                TaskQueueListener.EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, listener));
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, notices);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, notices);
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
