package com.imprimatur.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imprimatur.problem.Problem;
import com.imprimatur.route.Decision;
import com.imprimatur.route.TaskKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review's rules for a decision, without the database: what each task kind accepts and what each decision needs. */
class DecisionRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static DecisionRequest.ReferenceVerdictRequest verdict(int reference, Verdict verdict) {
        return new DecisionRequest.ReferenceVerdictRequest(reference, verdict, null);
    }

    private static DecisionRules.Checked check(TaskKind kind, DecisionRequest request, int references) {
        return DecisionRules.check(kind.key(), 7, 2, request, references, NOW);
    }

    private static String refusal(TaskKind kind, DecisionRequest request, int references) {
        try {
            check(kind, request, references);
        } catch (Problem problem) {
            assertThat(problem.status().value()).isEqualTo(422);
            return problem.type().toString().replaceAll(".*/", "");
        }
        throw new AssertionError("accepted: " + request);
    }

    @Test
    void everyKindAcceptsItsOwnDecisionsAndNoOther() {
        for (TaskKind kind : TaskKind.values()) {
            for (Decision decision : Decision.values()) {
                DecisionRequest request = new DecisionRequest(decision.name(), "because", null, null);
                if (kind.accepts(decision) && kind.decidedOnTheDesk()) {
                    assertThat(check(kind, request, 0).decision()).isEqualTo(decision);
                } else {
                    assertThat(refusal(kind, request, 0)).as("%s on %s", decision, kind).isEqualTo("decision-not-accepted");
                }
            }
        }
    }

    @Test
    void theDecisionIsReadInAnyCaseAndWithBlanksAround() {
        assertThat(check(TaskKind.TRIAGE_REPORT, new DecisionRequest("  reopen_Review\t", null, null, null), 0).decision())
                .isEqualTo(Decision.REOPEN_REVIEW);
        assertThat(refusal(TaskKind.TRIAGE_REPORT, new DecisionRequest("REOPEN REVIEW", null, null, null), 0))
                .isEqualTo("decision-not-accepted");
    }

    @Test
    void theWritersRevisionTaskIsNotDecidedHereAndAnUnknownTaskNeither() {
        assertThatThrownBy(() -> check(TaskKind.REVISE, new DecisionRequest("APPROVE", null, null, null), 0))
                .hasMessageContaining("POST /api/articles/7/revisions");
        assertThatThrownBy(() -> DecisionRules.check("someOtherTask", 7, 2, new DecisionRequest("APPROVE", null, null, null), 0, NOW))
                .isInstanceOf(Problem.class).hasMessageContaining("someOtherTask");
    }

    @Test
    void decisionsThatMustSayWhyNeedAComment() {
        for (TaskKind kind : TaskKind.values()) {
            for (Decision decision : kind.decisions()) {
                DecisionRequest blank = new DecisionRequest(decision.name(), "  \n ", null, null);
                if (decision.needsComment()) {
                    assertThat(refusal(kind, blank, 0)).as("%s on %s without a comment", decision, kind).isEqualTo("comment-required");
                    assertThat(check(kind, new DecisionRequest(decision.name(), " why ", null, null), 0).comment()).isEqualTo("why");
                } else {
                    assertThat(check(kind, blank, 0).comment()).as("%s on %s", decision, kind).isNull();
                }
            }
        }
    }

    @Test
    void approvalNeedsEveryReferenceVerified() {
        DecisionRequest twoOfThree = new DecisionRequest("APPROVE", null,
                List.of(verdict(1, Verdict.VERIFIED), verdict(2, Verdict.VERIFIED)), null);
        assertThat(refusal(TaskKind.MEDICAL_REVIEW, twoOfThree, 3)).isEqualTo("references-not-verified");
        DecisionRequest oneContradicts = new DecisionRequest("APPROVE", null,
                List.of(verdict(1, Verdict.VERIFIED), verdict(2, Verdict.CONTRADICTS)), null);
        assertThatThrownBy(() -> check(TaskKind.MEDICAL_REVIEW, oneContradicts, 2)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.properties()).containsEntry("notVerified", List.of(2)).containsEntry("missing", List.of()));
        DecisionRequest all = new DecisionRequest("APPROVE", null,
                List.of(verdict(2, Verdict.VERIFIED), verdict(1, Verdict.VERIFIED)), null);
        assertThat(check(TaskKind.MEDICAL_REVIEW, all, 2).verdicts()).extracting(ReferenceVerdict::verdict)
                .containsExactly(Verdict.VERIFIED, Verdict.VERIFIED);
        assertThat(refusal(TaskKind.MEDICAL_REVIEW, new DecisionRequest("APPROVE", null, null, null), 1))
                .isEqualTo("references-not-verified");
        assertThat(check(TaskKind.MEDICAL_REVIEW, new DecisionRequest("APPROVE", null, null, null), 0).verdicts()).isEmpty();
    }

    @Test
    void verdictsAreAllOrNoneOnlyOnTheMedicalReviewAndNumberedWithinTheRevision() {
        DecisionRequest some = new DecisionRequest("REQUEST_CHANGES", "fix it", List.of(verdict(1, Verdict.CONTRADICTS)), null);
        assertThat(refusal(TaskKind.MEDICAL_REVIEW, some, 2)).isEqualTo("verdicts-incomplete");
        assertThat(check(TaskKind.MEDICAL_REVIEW, new DecisionRequest("REQUEST_CHANGES", "fix it", null, null), 2).verdicts()).isEmpty();
        assertThat(refusal(TaskKind.MEDICAL_REVIEW, new DecisionRequest("REJECT", "no", List.of(verdict(3, Verdict.VERIFIED)), null), 2))
                .isEqualTo("unknown-reference");
        assertThat(refusal(TaskKind.MEDICAL_REVIEW, new DecisionRequest("REJECT", "no",
                List.of(verdict(1, Verdict.VERIFIED), verdict(1, Verdict.CONTRADICTS)), null), 2)).isEqualTo("duplicate-verdict");
        assertThat(refusal(TaskKind.APPROVE_PUBLICATION, new DecisionRequest("PUBLISH", null,
                List.of(verdict(1, Verdict.VERIFIED)), null), 1)).isEqualTo("verdicts-not-accepted");
    }

    @Test
    void onlyAPublicationTakesATimeAndOnlyOneInTheFuture() {
        Instant tomorrow = NOW.plus(1, ChronoUnit.DAYS);
        assertThat(check(TaskKind.APPROVE_PUBLICATION, new DecisionRequest("PUBLISH", null, null, tomorrow), 0).publishAt())
                .isEqualTo(tomorrow);
        assertThat(check(TaskKind.APPROVE_PUBLICATION, new DecisionRequest("PUBLISH", null, null, NOW.minusSeconds(1)), 0)
                .publishAt()).as("a time already past means now").isNull();
        assertThat(check(TaskKind.APPROVE_PUBLICATION, new DecisionRequest("RETURN_TO_WRITER", "no", null, tomorrow), 0)
                .publishAt()).isNull();
        assertThat(check(TaskKind.MEDICAL_REVIEW, new DecisionRequest("REJECT", "no", null, tomorrow), 0).publishAt()).isNull();
    }
}
