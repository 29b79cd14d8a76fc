package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/feedback-triage.bpmn and processes/re-review.bpmn on the real engine,
 * checked against the engine's own record of what each instance passed.
 */
class TriageAndReReviewProcessTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
    }

    @Test
    void aReportTriagedReopenReviewPassesReopenReview() {
        long id = triaged("REOPEN_REVIEW", null);
        HistoricProcessInstance triage = lastTriageOf(id);
        assertThat(triageActivities(triage)).containsSubsequence("reportReceived", "triageReport", "triageDecided",
                "reopenReview", "reviewReopened").doesNotContain("dismissReport");
        assertThat(desk.article("editor", id).get("cycle").get("openedBecause").asText()).isEqualTo("READER_REPORT");
    }

    @Test
    void aReportTriagedDismissPassesDismissReport() {
        long id = triaged("DISMISS", "Checked against the guideline: the article is right.");
        HistoricProcessInstance triage = lastTriageOf(id);
        assertThat(triageActivities(triage)).containsSubsequence("reportReceived", "triageReport", "triageDecided",
                "dismissReport", "reportDismissed").doesNotContain("reopenReview");
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void theReReviewSweepRunsOnItsCycleAndEndsEachTime() {
        List<ProcessInstance> sweeps = runtime.createProcessInstanceQuery().processDefinitionKey("re-review").list();
        long before = history.createHistoricActivityInstanceQuery().activityId("dueArticlesReopened").finished().count();
        // the test profile's sweep cycle is two seconds: the timer start event fires again and again
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricActivityInstanceQuery()
                .activityId("dueArticlesReopened").finished().count() > before);
        HistoricProcessInstance sweep = history.createHistoricProcessInstanceQuery().processDefinitionKey("re-review")
                .finished().orderByProcessInstanceEndTime().desc().listPage(0, 1).get(0);
        assertThat(activities(sweep.getId())).containsSubsequence("sweepDue", "reopenDueArticles", "dueArticlesReopened");
        assertThat(sweeps).as("a timer start event: no instance waits between sweeps").isEmpty();
    }

    /** A published article and a reader's report on it, triaged by an editor with {@code decision}; returns the article. */
    private long triaged(String decision, String comment) {
        var article = desk.publish("writer", Desk.article("Triage path " + decision + " " + UUID.randomUUID(), 1), 1);
        long id = article.get("id").asLong();
        Api.Answer sent = api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + article.get("slug").asText() + "/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + (1 + (int) (Math.random() * 250)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"OUTDATED\",\"comment\":\"Path " + UUID.randomUUID() + "\"}")));
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        desk.decide("editor", "triageReport", id, Desk.decision(decision, comment));
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("feedback-triage").processInstanceBusinessKey(String.valueOf(id)).finished().count() > 0
                || !history.createHistoricProcessInstanceQuery().processDefinitionKey("feedback-triage").finished()
                        .variableValueEquals("articleId", id).list().isEmpty());
        return id;
    }

    private HistoricProcessInstance lastTriageOf(long articleId) {
        List<HistoricProcessInstance> byKey = history.createHistoricProcessInstanceQuery().processDefinitionKey("feedback-triage")
                .processInstanceBusinessKey(String.valueOf(articleId)).finished().list();
        List<HistoricProcessInstance> found = byKey.isEmpty() ? history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("feedback-triage").finished().variableValueEquals("articleId", articleId).list() : byKey;
        assertThat(found).as("the finished triage of article " + articleId).hasSize(1);
        return found.get(0);
    }

    private List<String> triageActivities(HistoricProcessInstance instance) {
        return activities(instance.getId());
    }

    private List<String> activities(String instanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(a -> a.getActivityId()).toList();
    }
}
