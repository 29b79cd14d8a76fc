package com.imprimatur.route;

import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The user tasks of the route, one constant per BPMN user task (the id is {@link #key()}): who may
 * take it, the decisions it accepts with the words the task screen offers them in, and what those
 * decisions need. {@code RouteModelTest} reads the deployed models and fails when they and this
 * type disagree.
 */
public enum TaskKind {

    MEDICAL_REVIEW("medicalReview", "Medical review", "medical review", "medical-reviewers",
            new Choice(Decision.APPROVE, "Approve (every reference verified)"),
            new Choice(Decision.REQUEST_CHANGES, "Request changes from the writer"),
            new Choice(Decision.REJECT, "Reject the revision")),
    /** The writer's own task: completed by submitting the next revision, never on the task desk. */
    REVISE("revise", "Revise", "revision task", null),
    RESOLVE_PLAGIARISM("resolvePlagiarism", "Resolve plagiarism finding", "plagiarism finding", "editors",
            new Choice(Decision.DISMISS, "Dismiss the finding (not plagiarism)"),
            new Choice(Decision.RETURN_TO_WRITER, "Return to the writer")),
    APPROVE_PUBLICATION("approvePublication", "Approve publication", "publication approval", "editors",
            new Choice(Decision.PUBLISH, "Publish"),
            new Choice(Decision.RETURN_TO_WRITER, "Return to the writer")),
    TRIAGE_REPORT("triageReport", "Triage report", "triage of a reader's report", "editors",
            new Choice(Decision.REOPEN_REVIEW, "Reopen review (or join the review already open)"),
            new Choice(Decision.DISMISS, "Dismiss the report (say why)"));

    /** A decision as the task screen offers it. */
    public record Choice(Decision decision, String label) {
    }

    private final String key;
    private final String title;
    private final String inSentence;
    private final String candidateGroup;
    private final List<Choice> choices;

    TaskKind(String key, String title, String inSentence, String candidateGroup, Choice... choices) {
        this.key = key;
        this.title = title;
        this.inSentence = inSentence;
        this.candidateGroup = candidateGroup;
        this.choices = List.of(choices);
    }

    /** The BPMN user task's id, kept on every task, decision and queue row. */
    public String key() {
        return key;
    }

    /**
     * Whether the task belongs to an article's review cycle (article-review.bpmn), not to the triage
     * of a reader's report ({@code RouteModelTest} checks it against the models).
     */
    public boolean ofTheReviewCycle() {
        return this != TRIAGE_REPORT;
    }

    /** The BPMN user task's name: what the queues and screens call it. */
    public String title() {
        return title;
    }

    /** What an audit sentence calls it ("claimed the medical review …"). */
    public String inSentence() {
        return inSentence;
    }

    /** The group whose members may claim it; null for the writer's own task, assigned to the writer. */
    public String candidateGroup() {
        return candidateGroup;
    }

    /** The decisions it accepts, in the order the screen offers them; empty when it is not decided on the desk. */
    public List<Choice> choices() {
        return choices;
    }

    public List<Decision> decisions() {
        return choices.stream().map(Choice::decision).toList();
    }

    public boolean accepts(Decision decision) {
        return decisions().contains(decision);
    }

    /** Whether a decision is taken on it on the task desk (every task but the writer's revision). */
    public boolean decidedOnTheDesk() {
        return !choices.isEmpty();
    }

    /** Whether it belongs to one person (the writer) and cannot be claimed, handed back or assigned. */
    public boolean personal() {
        return candidateGroup == null;
    }

    /** Whether the physician's verdict on each reference is given with the decision. */
    public boolean takesReferenceVerdicts() {
        return this == MEDICAL_REVIEW;
    }

    /**
     * Whether an author of the revision is kept from it (four-eyes); for the publication approval
     * also the physician who approved the medical review ({@link #excludesTheApprovingPhysician()}).
     */
    public boolean fourEyes() {
        return !personal();
    }

    public boolean excludesTheApprovingPhysician() {
        return this == APPROVE_PUBLICATION;
    }

    /** The process variable the BPMN's gateway after this task reads the decision from. */
    public String decisionVariable() {
        return key + "Decision";
    }

    /** The process variable holding the comment given with the decision. */
    public String commentVariable() {
        return key + "Comment";
    }

    /** The process variable holding the time a scheduled decision takes effect at (a Date), null for at once. */
    public String timeVariable() {
        return key + "At";
    }

    /** The process variable holding who took the decision. */
    public String actorVariable() {
        return key + "By";
    }

    /**
     * Whether the route reads who took this task's decision from the process ({@link #actorVariable()}):
     * the publication approval's four-eyes reads the approving physician, a triage's delegates the
     * editor. The other tasks' actors are in their decision rows and the audit trail only.
     */
    public boolean routeReadsActor() {
        return this == MEDICAL_REVIEW || this == TRIAGE_REPORT;
    }

    /**
     * Whether the route reads the comment given with this task's decision from the process
     * ({@link #commentVariable()}): a dismissed report's reason. The other comments are in their
     * decision rows and the audit trail only.
     */
    public boolean routeReadsComment() {
        return this == TRIAGE_REPORT;
    }

    /** Every kind's BPMN id and title, in route order: what a page's filter or a report's rows list. */
    public static Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        for (TaskKind kind : values()) {
            titles.put(kind.key, kind.title);
        }
        return Collections.unmodifiableMap(titles);
    }

    /** The kind of task with this BPMN id, if it is one of the route's. */
    public static Optional<TaskKind> ofKey(String key) {
        for (TaskKind kind : values()) {
            if (kind.key.equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind of task with this BPMN id; an unknown id is a model the type does not know, a programming error. */
    public static TaskKind of(String key) {
        return ofKey(key).orElseThrow(() -> new IllegalArgumentException("No task kind '" + key + "' in the route"));
    }

    /** Whether {@code key} (as stored or sent) is this kind's. */
    public boolean is(String key) {
        return this.key.equals(key);
    }
}
