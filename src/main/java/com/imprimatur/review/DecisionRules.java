package com.imprimatur.review;

import com.imprimatur.problem.Problem;
import com.imprimatur.route.Decision;
import com.imprimatur.route.TaskKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a decision must bring to be taken on a task, checked without the database: the task kind
 * accepts it, a comment where it needs one, a verdict on every reference (all VERIFIED to approve)
 * where the task takes verdicts, a time only where the decision may be scheduled.
 */
final class DecisionRules {

    /** A request that passed the rules: what is stored. */
    record Checked(Decision decision, String comment, List<ReferenceVerdict> verdicts, Instant publishAt) {
    }

    private DecisionRules() {
    }

    /**
     * The request checked against the rules of the task kind {@code taskKey}; a 422 problem naming
     * what is missing or wrong when it does not fit.
     *
     * @param references how many references the revision under decision cites
     * @param now        a publication time not after this is "now"
     */
    static Checked check(String taskKey, long articleId, int revision, DecisionRequest request, int references, Instant now) {
        TaskKind kind = TaskKind.ofKey(taskKey).orElseThrow(
                () -> Problem.invalid("decision-not-accepted", "Task '" + taskKey + "' takes no decision here."));
        if (!kind.decidedOnTheDesk()) {
            throw Problem.invalid("decision-not-accepted", "A '" + kind.key()
                    + "' task is completed by submitting the next revision: POST /api/articles/" + articleId + "/revisions.");
        }
        List<String> accepted = kind.decisions().stream().map(Decision::name).sorted().toList();
        Decision decision = Decision.parse(request.decision()).filter(kind::accepts).orElseThrow(
                () -> Problem.invalid("decision-not-accepted", "'" + request.decision() + "' is not a decision for "
                        + kind.key() + "; use one of " + String.join(", ", accepted) + ".").with("accepted", accepted));
        String comment = request.comment() == null ? null : request.comment().strip();
        if (comment != null && comment.isEmpty()) {
            comment = null;
        }
        if (comment == null && decision.needsComment()) {
            throw Problem.invalid("comment-required", decision + " needs a comment that tells the "
                    + (decision == Decision.DISMISS ? "record why it is dismissed." : "writer what to change or why."));
        }
        List<ReferenceVerdict> verdicts = verdicts(kind, decision, request, revision, references);
        Instant publishAt = decision.mayBeScheduled() && request.publishAt() != null && request.publishAt().isAfter(now)
                ? request.publishAt() : null;
        return new Checked(decision, comment, verdicts, publishAt);
    }

    private static List<ReferenceVerdict> verdicts(TaskKind kind, Decision decision, DecisionRequest request, int revision,
            int count) {
        List<DecisionRequest.ReferenceVerdictRequest> given = request.referenceVerdicts() == null ? List.of()
                : request.referenceVerdicts();
        if (!kind.takesReferenceVerdicts()) {
            if (!given.isEmpty()) {
                throw Problem.invalid("verdicts-not-accepted", "Reference verdicts belong to the medical review only.");
            }
            return List.of();
        }
        ReferenceVerdict[] byNumber = new ReferenceVerdict[count];
        for (DecisionRequest.ReferenceVerdictRequest v : given) {
            if (v.reference() > count) {
                throw Problem.invalid("unknown-reference", "Revision " + revision + " has " + count
                        + " references; there is no reference " + v.reference() + ".");
            }
            if (byNumber[v.reference() - 1] != null) {
                throw Problem.invalid("duplicate-verdict", "Reference " + v.reference() + " has two verdicts.");
            }
            byNumber[v.reference() - 1] = new ReferenceVerdict(v.verdict(), v.note());
        }
        List<Integer> missing = new ArrayList<>();
        List<Integer> notVerified = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (byNumber[i] == null) {
                missing.add(i + 1);
            } else if (byNumber[i].verdict() != Verdict.VERIFIED) {
                notVerified.add(i + 1);
            }
        }
        if (decision == Decision.APPROVE && (!missing.isEmpty() || !notVerified.isEmpty())) {
            throw Problem.invalid("references-not-verified",
                    "APPROVE needs every reference VERIFIED." + (missing.isEmpty() ? "" : " Without a verdict: " + missing + ".")
                            + (notVerified.isEmpty() ? "" : " Not verified: " + notVerified + "."))
                    .with("missing", missing).with("notVerified", notVerified);
        }
        if (!missing.isEmpty() && !given.isEmpty()) {
            throw Problem.invalid("verdicts-incomplete", "Give a verdict for every reference or none; missing: " + missing + ".");
        }
        return given.isEmpty() ? List.of() : List.of(byNumber);
    }
}
