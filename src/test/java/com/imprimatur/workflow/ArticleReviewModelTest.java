package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Every path of processes/article-review.bpmn on the bare engine ({@link ModelTest}): the three
 * medical decisions, the plagiarism check (clean, dismissed, returned, failing), publication now,
 * later or returned, the gates closed at publication, a reader's report joining the checks, and
 * the due-soon and overdue reminders.
 */
class ArticleReviewModelTest extends ModelTest {

    @Override
    String processKey() {
        return "article-review";
    }

    @Test
    void aSubmittedRevisionWaitsForAPhysicianUntilItsDueTime() {
        ProcessInstance cycle = submitted();

        assertThat(cycle).isStarted().isWaitingAt("medicalReview").task().hasCandidateGroup("medical-reviewers")
                .hasDueDate(ModelStandIns.DUE).isNotAssigned();
        assertThat(cycle).hasPassed("submitted").hasVariables("articleId", "revision", "writer");
        assertThat(standIns.calls(cycle.getId())).containsExactly("mark IN_REVIEW");
    }

    @Test
    void aRejectedRevisionEndsTheCycleUnpublished() {
        ProcessInstance cycle = submitted();

        decide(cycle, "medicalReview", "REJECT");

        assertThat(cycle).isEnded().hasPassedInOrder("submitted", "medicalReview", "reviewDecided", "rejected")
                .hasNotPassed("checkAndPublish", "revise");
        assertThat(standIns.calls(cycle.getId())).containsExactly("mark IN_REVIEW", "endedUnpublished");
    }

    @Test
    void requestedChangesGoToTheWriterAndTheNextRevisionBackToAPhysician() {
        ProcessInstance cycle = submitted();

        decide(cycle, "medicalReview", "REQUEST_CHANGES");
        assertThat(cycle).isWaitingAt("revise").task().isAssignedTo("writer");

        complete(task("revise", cycle), withVariables("revision", 2));

        assertThat(cycle).hasPassedInOrder("medicalReview", "reviewDecided", "revise").isWaitingAt("medicalReview")
                .hasNotPassed("checkAndPublish");
        assertThat(cycle).variables().containsEntry("revision", 2);
        assertThat(standIns.calls(cycle.getId())).containsExactly("mark IN_REVIEW", "mark CHANGES_REQUESTED", "mark IN_REVIEW");
    }

    @Test
    void anUnknownMedicalDecisionIsRefusedAndTheReviewStaysOpen() {
        ProcessInstance cycle = submitted();
        Task review = task("medicalReview", cycle);

        assertThatThrownBy(() -> decide(cycle, "medicalReview", "MAYBE")).isInstanceOf(ProcessEngineException.class);

        assertThat(cycle).isWaitingAt("medicalReview").task().hasId(review.getId());
    }

    @Test
    void anApprovedCleanRevisionIsPublishedAtOnce() {
        ProcessInstance cycle = approved();
        assertThat(cycle).isWaitingAt("checkPlagiarism");

        execute(job("checkPlagiarism", cycle));
        assertThat(cycle).isWaitingAt("approvePublication").task().hasCandidateGroup("editors");

        publish(cycle, null);
        assertThat(cycle).isWaitingAt("publish");
        execute(job("publish", cycle));

        assertThat(cycle).isEnded()
                .hasPassedInOrder("reviewDecided", "approvedForChecks", "checkPlagiarism", "plagiarismFound", "approvePublication",
                        "publicationDecided", "whenToPublish", "publish", "revisionLive", "published")
                .hasPassed("checkAndPublish").hasNotPassed("resolvePlagiarism", "publicationTime", "revise");
        assertThat(standIns.calls(cycle.getId())).containsExactly("mark IN_REVIEW", "mark PLAGIARISM_CHECK", "runPlagiarismCheck",
                "mark AWAITING_PUBLICATION", "publishRevision");
    }

    @Test
    void aPublicationAtAGivenTimeWaitsForThatTime() {
        ProcessInstance cycle = checkedClean(approved());
        Date at = Date.from(Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));

        publish(cycle, at);
        assertThat(cycle).isWaitingAt("publicationTime").job().hasDueDate(at);
        assertThat(standIns.calls(cycle.getId())).endsWith("mark SCHEDULED").doesNotContain("publishRevision");

        execute(job("publicationTime", cycle));
        execute(job("publish", cycle));

        assertThat(cycle).isEnded().hasPassedInOrder("whenToPublish", "publicationTime", "publish", "revisionLive", "published");
        assertThat(standIns.calls(cycle.getId())).endsWith("mark SCHEDULED", "publishRevision");
    }

    @Test
    void aDismissedPlagiarismFindingGoesOnToThePublicationApproval() {
        ProcessInstance cycle = flagged(approved());
        assertThat(cycle).isWaitingAt("resolvePlagiarism").task().hasCandidateGroup("editors");

        decide(cycle, "resolvePlagiarism", "DISMISS");

        assertThat(cycle).hasPassedInOrder("plagiarismFound", "resolvePlagiarism", "findingResolved").isWaitingAt("approvePublication");
        assertThat(standIns.calls(cycle.getId())).endsWith("runPlagiarismCheck", "mark PLAGIARISM_HOLD", "mark AWAITING_PUBLICATION");
    }

    @Test
    void aPlagiarismFindingReturnedToTheWriterLeavesTheChecksForRevise() {
        ProcessInstance cycle = flagged(approved());

        decide(cycle, "resolvePlagiarism", "RETURN_TO_WRITER");

        assertThat(cycle).hasPassedInOrder("resolvePlagiarism", "findingResolved", "returnedEnd", "returnedToWriter")
                .isWaitingAt("revise").hasNotPassed("approvePublication");
        assertThat(cycle).task().isAssignedTo("writer");
    }

    @Test
    void aPublicationReturnedToTheWriterLeavesTheChecksForRevise() {
        ProcessInstance cycle = checkedClean(approved());

        decide(cycle, "approvePublication", "RETURN_TO_WRITER");

        assertThat(cycle).hasPassedInOrder("approvePublication", "publicationDecided", "returnedEnd", "returnedToWriter")
                .isWaitingAt("revise").hasNotPassed("publish");
        assertThat(standIns.calls(cycle.getId())).endsWith("mark AWAITING_PUBLICATION", "mark CHANGES_REQUESTED");
    }

    @Test
    void aGateThatFailedAtPublicationSendsTheRevisionBackToAPhysician() {
        ProcessInstance cycle = checkedClean(approved());
        standIns.closeGate(cycle.getId(), "publicationGateFailed");
        publish(cycle, null);

        execute(job("publish", cycle));

        assertThat(cycle).hasPassedInOrder("publish", "recheckRequired").isWaitingAt("medicalReview")
                .hasNotPassed("revisionLive", "published");
        assertThat(standIns.calls(cycle.getId())).endsWith("publishRevision", "mark IN_REVIEW");
    }

    @Test
    void aWithdrawnOrSupersededArticleEndsTheCycleNotPublished() {
        ProcessInstance cycle = checkedClean(approved());
        standIns.closeGate(cycle.getId(), "articleNotPublishable");
        publish(cycle, null);

        execute(job("publish", cycle));

        assertThat(cycle).isEnded().hasPassedInOrder("publish", "notPublishable", "notPublished")
                .hasNotPassed("revisionLive", "published");
        assertThat(standIns.calls(cycle.getId())).endsWith("publishRevision", "endedUnpublished");
    }

    @Test
    void aReaderReportJoinedDuringTheChecksSendsTheRevisionBackToAPhysician() {
        ProcessInstance cycle = checkedClean(approved());

        assertThat(runtimeService().createMessageCorrelation("readerReportJoined").processInstanceId(cycle.getId())
                .correlateAllWithResult()).hasSize(1);

        assertThat(cycle).hasPassedInOrder("approvePublication", "reportJoined").isWaitingAt("medicalReview")
                .isNotWaitingAt("approvePublication").hasNotPassed("publicationDecided");
        assertThat(standIns.calls(cycle.getId())).endsWith("mark AWAITING_PUBLICATION", "mark IN_REVIEW");
    }

    @Test
    void aReaderReportIsNotJoinedWhileTheRevisionIsInMedicalReview() {
        ProcessInstance cycle = submitted();
        Task review = task("medicalReview", cycle);

        assertThat(runtimeService().createMessageCorrelation("readerReportJoined").processInstanceId(cycle.getId())
                .correlateAllWithResult()).isEmpty();

        assertThat(cycle).isWaitingAt("medicalReview").hasNotPassed("reportJoined").task().hasId(review.getId());
    }

    @Test
    void aReviewDueSoonRemindsWithoutTakingTheReviewAway() {
        remindsWithoutTakingTheReviewAway("reviewDueSoon", ModelStandIns.REMINDER, "tellDueSoon", "dueSoonTold", "tellReviewDueSoon");
    }

    @Test
    void anOverdueReviewIsEscalatedWithoutTakingTheReviewAway() {
        remindsWithoutTakingTheReviewAway("reviewOverdue", ModelStandIns.DUE, "tellOverdue", "overdueTold", "tellReviewOverdue");
    }

    /** The medical review's non-interrupting timer {@code timer} fires at {@code due}: one service task and end, the review stays. */
    private void remindsWithoutTakingTheReviewAway(String timer, Date due, String tell, String told, String delegate) {
        ProcessInstance cycle = submitted();
        Task review = task("medicalReview", cycle);
        Job reminder = job(timer, cycle);
        assertThat(reminder).hasDueDate(due);

        execute(reminder);

        assertThat(cycle).hasPassedInOrder(timer, tell, told).isWaitingAt("medicalReview").task().hasId(review.getId());
        assertThat(standIns.calls(cycle.getId())).containsExactly("mark IN_REVIEW", delegate);
    }

    @Test
    void aPlagiarismCheckThatKeepsFailingBecomesAnIncidentNeverAPass() {
        ProcessInstance cycle = approved();
        standIns.failPlagiarismCheck(cycle.getId());

        int attempts = 0;
        for (Job check = job("checkPlagiarism", cycle); check.getRetries() > 0; check = job("checkPlagiarism", cycle)) {
            Job attempt = check;
            assertThatThrownBy(() -> execute(attempt)).hasStackTraceContaining("the plagiarism index is not reachable");
            attempts++;
        }

        assertThat(attempts).as("attempts before the incident (R3 in the model)").isEqualTo(3);
        assertThat(cycle).isWaitingAt("checkPlagiarism").hasNotPassed("checkPlagiarism", "plagiarismFound", "approvePublication");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(cycle.getId()).activityId("checkPlagiarism").count())
                .isEqualTo(1);
        assertThat(managementService().createJobQuery().processInstanceId(cycle.getId()).noRetriesLeft().count()).isEqualTo(1);
    }

    /** A new cycle for revision 1 of a new article by "writer". */
    private ProcessInstance submitted() {
        long articleId = System.nanoTime();
        return runtimeService().startProcessInstanceByKey(processKey(), String.valueOf(articleId), withVariables(
                "articleId", articleId, "revision", 1, "writer", "writer", "authors", "writer", "openedBecause", "SUBMISSION"));
    }

    /** A new cycle whose revision a physician approved: waiting for the plagiarism check. */
    private ProcessInstance approved() {
        ProcessInstance cycle = submitted();
        decide(cycle, "medicalReview", "APPROVE");
        return cycle;
    }

    /** The plagiarism check of an approved cycle found nothing: waiting for the editor's approval. */
    private ProcessInstance checkedClean(ProcessInstance cycle) {
        execute(job("checkPlagiarism", cycle));
        assertThat(cycle).isWaitingAt("approvePublication");
        return cycle;
    }

    /** The plagiarism check of an approved cycle found something. */
    private ProcessInstance flagged(ProcessInstance cycle) {
        standIns.flagPlagiarism(cycle.getId());
        execute(job("checkPlagiarism", cycle));
        return cycle;
    }

    private void publish(ProcessInstance cycle, Date at) {
        complete(task("approvePublication", cycle), withVariables("approvePublicationDecision", "PUBLISH", "approvePublicationAt", at));
    }

    /** Completes the cycle's task {@code taskKey} with {@code <taskKey>Decision}, as the application does. */
    private static void decide(ProcessInstance cycle, String taskKey, String decision) {
        complete(task(taskKey, cycle), withVariables(taskKey + "Decision", decision, taskKey + "By", "someone"));
    }
}
