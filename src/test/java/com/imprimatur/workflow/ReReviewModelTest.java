package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The path of processes/re-review.bpmn on the bare engine ({@link ModelTest}): its timer start
 * event is scheduled by the deployment on {@code reReviewSchedule.sweepCycle()}, and each sweep it
 * starts reopens the due articles, ends, and leaves the next sweep scheduled.
 */
class ReReviewModelTest extends ModelTest {

    @Override
    String processKey() {
        return "re-review";
    }

    @Test
    void theDeploymentSchedulesTheSweepOnTheConfiguredCycle() {
        Job sweep = nextSweep();

        assertThat(sweep.getJobDefinitionId()).isEqualTo(managementService().createJobDefinitionQuery()
                .processDefinitionKey(processKey()).activityIdIn("sweepDue").singleResult().getId());
        assertThat(sweep.getProcessInstanceId()).as("a timer start event: no instance waits for it").isNull();
        assertDueOnTheCycle(sweep);
    }

    @Test
    void aSweepReopensTheDueArticlesEndsAndLeavesTheNextSweepScheduled() {
        Job sweep = nextSweep();

        execute(sweep);

        HistoricProcessInstance ran = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey())
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
        ProcessInstance instance = new EndedInstance(ran);
        assertThat(instance).isEnded().hasPassedInOrder("sweepDue", "reopenDueArticles", "dueArticlesReopened");
        assertThat(standIns.calls(ran.getId())).containsExactly("reopenDueArticles");
        Job next = nextSweep();
        assertThat(next.getId()).isNotEqualTo(sweep.getId());
        assertDueOnTheCycle(next);
    }

    /** The stand-in's cycle is R/PT6H. */
    private static void assertDueOnTheCycle(Job sweep) {
        assertThat(sweep.getDuedate().toInstant()).isBetween(Instant.now().plus(Duration.ofHours(5)), Instant.now().plus(Duration.ofHours(6)));
    }

    private Job nextSweep() {
        return managementService().createJobQuery().processDefinitionKey(processKey()).timers().singleResult();
    }

    /** A sweep's instance, which ended inside the job that started it, as camunda-bpm-assert reads an instance. */
    private record EndedInstance(HistoricProcessInstance ran) implements ProcessInstance {
        @Override
        public String getId() {
            return ran.getId();
        }

        @Override
        public String getProcessInstanceId() {
            return ran.getId();
        }

        @Override
        public String getProcessDefinitionId() {
            return ran.getProcessDefinitionId();
        }

        @Override
        public String getProcessDefinitionKey() {
            return ran.getProcessDefinitionKey();
        }

        @Override
        public String getBusinessKey() {
            return ran.getBusinessKey();
        }

        @Override
        public String getRootProcessInstanceId() {
            return ran.getRootProcessInstanceId();
        }

        @Override
        public String getCaseInstanceId() {
            return null;
        }

        @Override
        public String getTenantId() {
            return ran.getTenantId();
        }

        @Override
        public boolean isSuspended() {
            return false;
        }

        @Override
        public boolean isEnded() {
            return ran.getEndTime() != null;
        }
    }
}
