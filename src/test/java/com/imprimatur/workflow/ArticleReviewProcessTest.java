package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks every path of processes/article-review.bpmn on the real engine and MariaDB, driving it
 * through the HTTP API as the demo users and checking the engine's own record of what it passed.
 */
class ArticleReviewProcessTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    com.imprimatur.article.ReviewRoute route;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        api = api();
        desk = new Desk(api);
    }

    @AfterEach
    void tearDown() {
        AbstractAssertions.reset();
    }

    private ProcessInstance cycleOf(long articleId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("article-review")
                .processInstanceBusinessKey(String.valueOf(articleId)).singleResult();
    }

    private long timesPassed(ProcessInstance instance, String activity) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activity).finished().count();
    }

    private void awaitEnded(ProcessInstance instance) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceId(instance.getId()).count() == 0);
    }

    @Test
    void approvedCleanAndPublishedAtOnce() {
        long id = desk.create("writer", Desk.article("Approve path", 2)).get("id").asLong();
        ProcessInstance cycle = cycleOf(id);
        assertThat(cycle).isWaitingAt("medicalReview");
        assertThat(cycle).task().hasCandidateGroup("medical-reviewers");

        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(2));
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        awaitEnded(cycle);

        assertThat(cycle).isEnded().hasPassedInOrder("submitted", "medicalReview", "checkPlagiarism",
                "approvePublication", "publish", "published");
        assertThat(cycle).hasNotPassed("revise", "resolvePlagiarism", "publicationTime", "rejected");
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void theArticleViewFindsItsCycleAlsoWhenItsVariablesWereRetyped() {
        long id = desk.create("writer", Desk.article("Retyped variables", 1)).get("id").asLong();
        ProcessInstance cycle = cycleOf(id);
        JsonNode seen = desk.article("editor", id).get("cycle");
        assertThat(seen.get("id").asText()).isEqualTo(cycle.getId());
        assertThat(seen.get("revision").asInt()).isEqualTo(1);
        assertThat(seen.get("openedBecause").asText()).isEqualTo("SUBMISSION");

        // as an administrator may in Cockpit: the revision a double (kept in DOUBLE_), then a long; the reason null
        runtime.setVariable(cycle.getId(), "revision", 1.0d);
        runtime.setVariable(cycle.getId(), "openedBecause", "READER_REPORT");
        JsonNode retyped = desk.article("editor", id).get("cycle");
        assertThat(retyped).isNotNull();
        assertThat(retyped.get("id").asText()).isEqualTo(cycle.getId());
        assertThat(retyped.get("revision").asInt()).isEqualTo(1);
        assertThat(retyped.get("openedBecause").asText()).isEqualTo("READER_REPORT");
        runtime.setVariable(cycle.getId(), "revision", 2L);
        runtime.setVariable(cycle.getId(), "openedBecause", null);
        JsonNode again = desk.article("editor", id).get("cycle");
        assertThat(again.get("revision").asInt()).isEqualTo(2);
        assertThat(again.get("openedBecause").asText()).isEqualTo("SUBMISSION");

        runtime.setVariable(cycle.getId(), "revision", 1);
        runtime.setVariable(cycle.getId(), "openedBecause", "SUBMISSION");
    }

    @Test
    void aCycleWhoseRevisionCannotBeReadIsAnErrorNeverNoCycle() {
        long id = desk.create("writer", Desk.article("Revision retyped as text", 1)).get("id").asLong();
        ProcessInstance cycle = cycleOf(id);
        try {
            runtime.setVariable(cycle.getId(), "revision", " 2 ");
            assertThat(route.openCycle(id)).get().extracting(c -> c.id(), c -> c.revision()).containsExactly(cycle.getId(), 2);
            // "no cycle" here would let a reader's report start a second cycle beside this one (reopen)
            runtime.setVariable(cycle.getId(), "revision", "two");
            assertThatThrownBy(() -> route.openCycle(id)).isInstanceOf(IllegalStateException.class).hasMessageContaining(cycle.getId());
            runtime.setVariable(cycle.getId(), "revision", null);
            assertThatThrownBy(() -> route.openCycle(id)).isInstanceOf(IllegalStateException.class);
        } finally {
            runtime.setVariable(cycle.getId(), "revision", 1);
        }
        assertThat(route.openCycle(id)).get().extracting(c -> c.revision()).isEqualTo(1);
    }

    @Test
    void changesRequestedTwiceLoopBackToTheWriter() {
        long id = desk.create("writer", Desk.article("Loop path", 1)).get("id").asLong();
        ProcessInstance cycle = cycleOf(id);

        for (int round = 1; round <= 2; round++) {
            desk.decide("reviewer", "medicalReview", id, Desk.decision("REQUEST_CHANGES", "Round " + round + " of changes."));
            assertThat(cycle).isWaitingAt("revise");
            assertThat(cycle).task().isAssignedTo("writer");
            Api.Answer next = api.post("writer", "/api/articles/" + id + "/revisions", Desk.article("Loop path", 1));
            assertThat(next.status()).isEqualTo(201);
            assertThat(next.json().get("revision").asInt()).isEqualTo(round + 1);
        }
        assertThat(cycle).isWaitingAt("medicalReview");
        assertThat(runtime.getVariable(cycle.getId(), "revision")).isEqualTo(3);

        desk.decide("reviewer2", "medicalReview", id, Desk.approveAll(1));
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        awaitEnded(cycle);
        assertThat(timesPassed(cycle, "revise")).isEqualTo(2);
        assertThat(timesPassed(cycle, "medicalReview")).isEqualTo(3);
        assertThat(cycle).hasPassed("published");
        assertThat(desk.article("editor", id).get("publishedRevision").asInt()).isEqualTo(3);

        // the engine's history (EngineHistory): every value of a variable that changed, in order (a value set
        // during the cycle copied from its history row before its first change; a starting value written as it
        // was set); a variable set once during the cycle only in its history row; no identity-link log, and no
        // job log of jobs that succeeded
        assertThat(values(cycle, "revision")).containsExactly(1, 2, 3);
        assertThat(values(cycle, "medicalReviewDecision")).hasSize(3).startsWith("REQUEST_CHANGES", "REQUEST_CHANGES")
                .doesNotContainNull();
        assertThat(values(cycle, "articleId")).containsExactly(id);
        assertThat(values(cycle, "approvePublicationDecision")).isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(cycle.getId()).variableName("approvePublicationDecision")
                .singleResult().getValue()).isEqualTo("PUBLISH");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(cycle.getId()).count()).isGreaterThanOrEqualTo(6);
        history.createHistoricTaskInstanceQuery().processInstanceId(cycle.getId()).list().forEach(task ->
                assertThat(history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).count()).isZero());
        assertThat(history.createHistoricJobLogQuery().processInstanceId(cycle.getId()).count()).isZero();
    }

    /** The values of a variable in the engine's history of details, in the order they were set. */
    private List<Object> values(ProcessInstance instance, String variable) {
        return history.createHistoricDetailQuery().variableUpdates().processInstanceId(instance.getId())
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast).filter(update -> update.getVariableName().equals(variable))
                .map(HistoricVariableUpdate::getValue).toList();
    }

    @Test
    void rejectedEndsTheCycle() {
        long id = desk.create("writer", Desk.article("Reject path", 1)).get("id").asLong();
        ProcessInstance cycle = cycleOf(id);
        desk.decide("reviewer", "medicalReview", id, Desk.decision("REJECT", "Not supported by evidence."));
        assertThat(cycle).isEnded().hasPassed("rejected").hasNotPassed("checkPlagiarism", "published");
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("REJECTED");
    }

    /** An article whose body repeats a passage of another, published article. */
    private long copyOfPublished() {
        Map<String, Object> original = Desk.article("Original on sun protection", 1);
        desk.publish("writer", original, 1);
        String copied = String.join(" ", java.util.Arrays.copyOfRange(original.get("body").toString().split(" "), 0, 20));
        return desk.create("writer2", Desk.article("Copied on sun protection",
                Desk.uniqueBody(20) + " " + copied + " " + Desk.uniqueBody(20), 1)).get("id").asLong();
    }

    @Test
    void plagiarismFlaggedThenDismissedWithAJustification() {
        long id = copyOfPublished();
        ProcessInstance cycle = cycleOf(id);
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        String task = desk.awaitTask("editor", "available", "resolvePlagiarism", id);
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("PLAGIARISM_HOLD");

        JsonNode report = api.get("writer2", "/api/articles/" + id + "/revisions/1/plagiarism").json();
        assertThat(report.get("flagged").asBoolean()).isTrue();
        assertThat(report.get("longestPassageWords").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(report.get("matches").get(0).get("text").asText().split(" ")).hasSizeGreaterThanOrEqualTo(20);

        desk.claim("editor", task);
        Api.Answer bare = api.post("editor", "/api/tasks/" + task + "/complete", Desk.decision("DISMISS", " "));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.problemType()).isEqualTo("comment-required");
        Api.Answer dismissed = api.post("editor", "/api/tasks/" + task + "/complete",
                Desk.decision("DISMISS", "The passage is our own earlier wording, reused with permission of the author."));
        assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);
        JsonNode kept = api.get("editor", "/api/articles/" + id + "/revisions/1/plagiarism").json().get("dismissal");
        assertThat(kept.get("by").asText()).isEqualTo("editor");
        assertThat(kept.get("justification").asText()).startsWith("The passage is our own earlier wording");

        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        awaitEnded(cycle);
        assertThat(cycle).hasPassedInOrder("checkPlagiarism", "resolvePlagiarism", "approvePublication", "published");
    }

    @Test
    void plagiarismFlaggedThenReturnedToTheWriter() {
        long id = copyOfPublished();
        ProcessInstance cycle = cycleOf(id);
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        desk.decide("editor", "resolvePlagiarism", id, Desk.decision("RETURN_TO_WRITER", "Rewrite the copied paragraph."));
        assertThat(cycle).isWaitingAt("revise");
        assertThat(cycle).task().isAssignedTo("writer2");

        assertThat(api.post("writer2", "/api/articles/" + id + "/revisions", Desk.article("Rewritten on sun protection", 1))
                .status()).isEqualTo(201);
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        desk.awaitTask("editor", "available", "approvePublication", id);
        assertThat(api.get("editor", "/api/articles/" + id + "/revisions/2/plagiarism").json().get("flagged").asBoolean()).isFalse();
        assertThat(cycle).hasPassed("resolvePlagiarism", "revise").isWaitingAt("approvePublication");
    }

    @Test
    void theEditorReturnsTheRevisionInsteadOfPublishing() {
        long id = desk.create("writer", Desk.article("Return from publication", 1)).get("id").asLong();
        ProcessInstance cycle = cycleOf(id);
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        desk.decide("editor", "approvePublication", id, Desk.decision("RETURN_TO_WRITER", "The headline overpromises."));
        assertThat(cycle).isWaitingAt("revise").hasPassed("approvePublication").hasNotPassed("publish");
    }

    @Test
    void publicationScheduledForAGivenTime() {
        long id = desk.create("writer", Desk.article("Scheduled path", 1)).get("id").asLong();
        ProcessInstance cycle = cycleOf(id);
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> publish = Desk.decision("PUBLISH", null);
        publish.put("publishAt", at.toString());
        desk.decide("editor", "approvePublication", id, publish);

        assertThat(cycle).isWaitingAt("publicationTime");
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("SCHEDULED");
        Job timer = management.createJobQuery().processInstanceId(cycle.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(at);
        assertThat(api.get(null, "/api/public/articles/" + desk.article("editor", id).get("slug").asText()).status()).isEqualTo(404);

        awaitEnded(cycle);
        JsonNode article = desk.article("editor", id);
        assertThat(article.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(Instant.parse(article.get("publishedAt").asText())).isAfterOrEqualTo(at);
        assertThat(cycle).hasPassedInOrder("approvePublication", "publicationTime", "publish", "published");
    }

    @Test
    void aPlagiarismCheckThatKeepsFailingBecomesAnIncidentNotAPass() {
        // a cycle whose revision cannot be read: the check fails on every try
        ProcessInstance broken = failedOnce(atTheCheckOfAMissingArticle(-1L));
        Job failing = job(broken);
        assertThat(failing.getRetries()).isEqualTo(2);
        assertThat(failing.getDuedate()).isInTheFuture();

        management.setJobRetries(failing.getId(), 1);
        assertThatThrownBy(() -> management.executeJob(failing.getId())).hasMessageContaining("-1");

        assertThat(job(broken).getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(broken.getId()).singleResult().getActivityId())
                .isEqualTo("checkPlagiarism");
        assertThat(broken).isWaitingAt("checkPlagiarism").hasNotPassed("plagiarismFound", "approvePublication");
        // the job log keeps the failures, with their stack traces, and nothing else (EngineHistory)
        assertThat(history.createHistoricJobLogQuery().processInstanceId(broken.getId()).failureLog().count()).isGreaterThanOrEqualTo(2);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(broken.getId()).count())
                .isEqualTo(history.createHistoricJobLogQuery().processInstanceId(broken.getId()).failureLog().count());
        String failure = history.createHistoricJobLogQuery().processInstanceId(broken.getId()).failureLog().list().get(0).getId();
        assertThat(history.getHistoricJobLogExceptionStacktrace(failure)).contains("-1");
        runtime.deleteProcessInstance(broken.getId(), "test cleanup");
    }

    @Test
    void aVariableSetSeveralTimesInOneCommandHasEachValueInItsHistoryOnce() {
        ProcessInstance instance = failedOnce(atTheCheckOfAMissingArticle(-2L));
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        commands.execute(context -> {
            runtime.setVariable(instance.getId(), "probe", "a");
            runtime.setVariable(instance.getId(), "probe", "b");
            runtime.setVariable(instance.getId(), "probe", "c");
            runtime.setVariable(instance.getId(), "once", "only");
            return null;
        });
        assertThat(values(instance, "probe")).containsExactly("a", "b", "c");
        runtime.setVariable(instance.getId(), "probe", "d");
        assertThat(values(instance, "probe")).containsExactly("a", "b", "c", "d");
        assertThat(values(instance, "once")).isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("once")
                .singleResult().getValue()).isEqualTo("only");
        // removed: its value first (copied from its history row), then the removal, which carries no value
        runtime.removeVariable(instance.getId(), "once");
        assertThat(values(instance, "once")).containsExactly("only", null);
        runtime.deleteProcessInstance(instance.getId(), "test cleanup");

        // Camunda's restart with the initial variables reads them from the details: they are all there
        runtime.restartProcessInstances(instance.getProcessDefinitionId()).startBeforeActivity("checkPlagiarism")
                .processInstanceIds(instance.getId()).initialSetOfVariables().execute();
        ProcessInstance again = failedOnce(runtime.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .singleResult());
        assertThat(runtime.getVariables(again.getId())).containsOnlyKeys("articleId", "revision", "writer", "authors")
                .containsEntry("articleId", -2L).containsEntry("revision", 1);
        runtime.deleteProcessInstance(again.getId(), "test cleanup");
    }

    /**
     * The instance once its check has failed for the first time: its job then waits for its next try, so
     * the test's own changes and deletion meet no job executor at work on it.
     */
    private ProcessInstance failedOnce(ProcessInstance instance) {
        await().atMost(Duration.ofSeconds(30)).until(() -> job(instance).getExceptionMessage() != null);
        return instance;
    }

    /** A cycle started at the plagiarism check, of an article that does not exist: the check fails on every try. */
    private ProcessInstance atTheCheckOfAMissingArticle(long articleId) {
        return runtime.createProcessInstanceByKey("article-review").businessKey("missing-" + UUID.randomUUID())
                .setVariables(Map.of("articleId", articleId, "revision", 1, "writer", "writer", "authors", "writer"))
                .startBeforeActivity("checkPlagiarism").execute();
    }

    private Job job(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }
}
