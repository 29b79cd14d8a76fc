package com.imprimatur.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The boundary of the model tests: stand-ins for every bean that an expression in
 * {@code processes/*.bpmn} names. Each notes what the model asked of it, per process instance, and
 * answers what the test scripted for that instance (a plagiarism finding, a closed publication
 * gate, a check that keeps failing); unscripted, the check is clean and the gate open. The real
 * beans are exercised by the Spring and HTTP tests (ArticleReviewProcessTest,
 * TriageAndReReviewProcessTest).
 */
final class ModelStandIns {

    /** What {@code reviewDeadline} answers: a review's due time and its reminder. */
    static final Date DUE = Date.from(Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS));
    static final Date REMINDER = Date.from(DUE.toInstant().minus(Duration.ofDays(1)));
    /** What {@code reReviewSchedule} answers: the sweep's ISO repeating interval. */
    static final String SWEEP_CYCLE = "R/PT6H";

    private final Map<String, List<String>> calls = new ConcurrentHashMap<>();
    private final Set<String> flagged = ConcurrentHashMap.newKeySet();
    private final Set<String> failingChecks = ConcurrentHashMap.newKeySet();
    private final Map<String, String> closedGates = new ConcurrentHashMap<>();

    Map<String, Object> beans() {
        return Map.of(
                "articleStatus", new ArticleStatus(),
                "reviewDeadline", new Deadline(),
                "reReviewSchedule", new Schedule(),
                "runPlagiarismCheck", delegate("runPlagiarismCheck", this::checkPlagiarism),
                "publishRevision", delegate("publishRevision", this::publish),
                "tellReviewDueSoon", delegate("tellReviewDueSoon", execution -> { }),
                "tellReviewOverdue", delegate("tellReviewOverdue", execution -> { }),
                "reopenReview", delegate("reopenReview", execution -> { }),
                "dismissReport", delegate("dismissReport", execution -> { }),
                "reopenDueArticles", delegate("reopenDueArticles", execution -> { }));
    }

    /** What the model asked of the stand-ins for one process instance, in order ("mark IN_REVIEW", "publishRevision", …). */
    List<String> calls(String processInstanceId) {
        return List.copyOf(calls.getOrDefault(processInstanceId, List.of()));
    }

    /** The plagiarism check of this instance finds something. */
    void flagPlagiarism(String processInstanceId) {
        flagged.add(processInstanceId);
    }

    /** The plagiarism check of this instance throws, every time. */
    void failPlagiarismCheck(String processInstanceId) {
        failingChecks.add(processInstanceId);
    }

    /** Publishing this instance's revision throws the BPMN error {@code errorCode}, as the real delegate does at a closed gate. */
    void closeGate(String processInstanceId, String errorCode) {
        closedGates.put(processInstanceId, errorCode);
    }

    private void checkPlagiarism(DelegateExecution execution) {
        if (failingChecks.contains(execution.getProcessInstanceId())) {
            throw new IllegalStateException("the plagiarism index is not reachable (stand-in)");
        }
        execution.setVariable("plagiarismFlagged", flagged.contains(execution.getProcessInstanceId()));
    }

    private void publish(DelegateExecution execution) {
        String errorCode = closedGates.get(execution.getProcessInstanceId());
        if (errorCode != null) {
            throw new BpmnError(errorCode);
        }
    }

    private void note(DelegateExecution execution, String call) {
        calls.computeIfAbsent(execution.getProcessInstanceId(), id -> new ArrayList<>()).add(call);
    }

    private JavaDelegate delegate(String name, JavaDelegate behaviour) {
        return execution -> {
            note(execution, name);
            behaviour.execute(execution);
        };
    }

    /** For {@code ${articleStatus.mark(execution, '…')}} and {@code ${articleStatus.endedUnpublished(execution)}}. */
    public final class ArticleStatus {
        public void mark(DelegateExecution execution, String status) {
            note(execution, "mark " + status);
        }

        public void endedUnpublished(DelegateExecution execution) {
            note(execution, "endedUnpublished");
        }
    }

    /** For {@code ${reviewDeadline.fromNow()}} and {@code ${reviewDeadline.reminderFromNow()}}. */
    public static final class Deadline {
        public Date fromNow() {
            return DUE;
        }

        public Date reminderFromNow() {
            return REMINDER;
        }
    }

    /** For {@code ${reReviewSchedule.sweepCycle()}}. */
    public static final class Schedule {
        public String sweepCycle() {
            return SWEEP_CYCLE;
        }
    }
}
