package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A test of one BPMN model of {@code processes/} on the shared {@link ModelEngine}, no Spring: its
 * tests walk the model's paths, and a last test checks that together they passed every flow node
 * and took every sequence flow of it, so a path added to the model without a test fails the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ModelTest {

    protected final ModelStandIns standIns = ModelEngine.STAND_INS;
    protected ProcessEngine engine;
    private int finished;

    /** The key of the process this class walks. */
    abstract String processKey();

    @BeforeAll
    void engine() {
        engine = ModelEngine.get();
        BpmnAwareTests.init(engine);
    }

    @AfterAll
    void forgetEngine() {
        BpmnAwareTests.reset();
    }

    @AfterEach
    void countFinished() {
        finished++;
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void togetherTheTestsPassEveryFlowNodeAndTakeEverySequenceFlow() {
        long paths = Arrays.stream(getClass().getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count();
        assumeTrue(finished == paths, "only some of the class's tests ran: the model's coverage is judged on a whole run");

        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey()).latestVersion().singleResult();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        Set<String> passed = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processDefinitionId(definition.getId()).finished().list().stream()
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());

        assertThat(missing(idsOf(model, FlowNode.class), passed)).as("flow nodes of %s that no test passed", processKey()).isEmpty();
        assertThat(missing(idsOf(model, SequenceFlow.class), ModelEngine.flowsTaken(definition.getId())))
                .as("sequence flows of %s that no test took", processKey()).isEmpty();
    }

    private static Set<String> idsOf(BpmnModelInstance model, Class<? extends org.camunda.bpm.model.bpmn.instance.FlowElement> type) {
        return model.getModelElementsByType(type).stream().map(e -> e.getId()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> missing(Set<String> all, Set<String> seen) {
        Set<String> left = new TreeSet<>(all);
        left.removeAll(seen);
        return left;
    }
}
