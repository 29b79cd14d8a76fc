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
 * Adds {@link FourEyesGuard} and {@link TaskQueueListener} to every user task of every deployed
 * process, as built-in listeners: they run whatever path reaches the engine, and the queue's
 * listener runs even when a cancellation skips custom listeners, so no row outlives its task.
 */
@Component
class TaskQueuePlugin extends AbstractProcessEnginePlugin {

    private final TaskQueueListener listener;
    private final FourEyesGuard guard;

    TaskQueuePlugin(TaskQueueListener listener, FourEyesGuard guard) {
        this.listener = listener;
        this.guard = guard;
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
                TaskQueueListener.EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, listener));
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
