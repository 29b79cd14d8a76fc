package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Every path of processes/feedback-triage.bpmn on the bare engine ({@link ModelTest}). */
class FeedbackTriageModelTest extends ModelTest {

    @Override
    String processKey() {
        return "feedback-triage";
    }

    @Test
    void aStoredReportWaitsForAnEditor() {
        ProcessInstance triage = reported();

        assertThat(triage).isStarted().hasPassed("reportReceived").isWaitingAt("triageReport").task()
                .hasCandidateGroup("editors").isNotAssigned();
        assertThat(standIns.calls(triage.getId())).isEmpty();
    }

    @Test
    void aReportTriagedReopenReviewReopensTheArticlesReview() {
        ProcessInstance triage = reported();

        triaged(triage, "REOPEN_REVIEW", null);

        assertThat(triage).isEnded().hasPassedInOrder("reportReceived", "triageReport", "triageDecided", "reopenReview", "reviewReopened")
                .hasNotPassed("dismissReport", "reportDismissed");
        assertThat(standIns.calls(triage.getId())).containsExactly("reopenReview");
    }

    @Test
    void aReportTriagedDismissIsDismissedWithTheEditorsReason() {
        ProcessInstance triage = reported();

        triaged(triage, "DISMISS", "The article cites the current guideline.");

        assertThat(triage).isEnded().hasPassedInOrder("reportReceived", "triageReport", "triageDecided", "dismissReport", "reportDismissed")
                .hasNotPassed("reopenReview", "reviewReopened");
        assertThat(triage).variables().containsEntry("triageReportComment", "The article cites the current guideline.");
        assertThat(standIns.calls(triage.getId())).containsExactly("dismissReport");
    }

    @Test
    void anUnknownTriageDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance triage = reported();
        Task task = task("triageReport", triage);

        assertThatThrownBy(() -> triaged(triage, "IGNORE", null)).isInstanceOf(ProcessEngineException.class);

        assertThat(triage).isWaitingAt("triageReport").task().hasId(task.getId());
        assertThat(standIns.calls(triage.getId())).isEmpty();
    }

    private ProcessInstance reported() {
        long articleId = System.nanoTime();
        return runtimeService().startProcessInstanceByKey(processKey(), String.valueOf(articleId),
                withVariables("reportId", UUID.randomUUID().toString(), "articleId", articleId));
    }

    private static void triaged(ProcessInstance triage, String decision, String comment) {
        complete(task("triageReport", triage),
                withVariables("triageReportDecision", decision, "triageReportBy", "editor", "triageReportComment", comment));
    }
}
