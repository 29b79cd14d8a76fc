package com.imprimatur.plagiarism.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanScoresTest {

    private static final String TEXT = "word ".repeat(400);
    private static final EvalSource SOURCE = new EvalSource("s1", TEXT);

    /** A case whose passage is [100, 300) of the suspicious text from [200, 400) of s1. */
    private static EvalCase reuse(String id, Obfuscation obfuscation) {
        return new EvalCase(id, TEXT, List.of(SOURCE),
                List.of(new TruthPassage("s1", 100, 300, 200, 400, obfuscation, false)));
    }

    private static Scores score(List<EvalCase> cases, Map<String, Verdict> verdicts) {
        return PanScores.score(cases, verdicts);
    }

    private static Verdict flagged(Detection... detections) {
        return new Verdict(true, List.of(detections));
    }

    @Test
    void aPerfectDetectionScoresOneEverywhere() {
        Scores s = score(List.of(reuse("a", Obfuscation.NONE)),
                Map.of("a", flagged(new Detection("s1", 100, 300, 200, 400))));
        Scores.Measures all = s.byObfuscation().get(Scores.ALL);
        assertThat(all.precision()).isEqualTo(1.0);
        assertThat(all.recall()).isEqualTo(1.0);
        assertThat(all.granularity()).isEqualTo(1.0);
        assertThat(all.plagdet()).isEqualTo(1.0);
        assertThat(s.byObfuscation().get("NONE").plagdet()).isEqualTo(1.0);
        assertThat(s.flags().flagRecall()).isEqualTo(1.0);
        assertThat(s.flags().flagPrecision()).isEqualTo(1.0);
    }

    @Test
    void aDetectionInTwoPiecesHasGranularityTwo() {
        Scores s = score(List.of(reuse("a", Obfuscation.RANDOM)), Map.of("a", flagged(
                new Detection("s1", 100, 200, 200, 300), new Detection("s1", 200, 300, 300, 400))));
        Scores.Measures random = s.byObfuscation().get("RANDOM");
        assertThat(random.precision()).isEqualTo(1.0);
        assertThat(random.recall()).isEqualTo(1.0);
        assertThat(random.granularity()).isEqualTo(2.0);
        assertThat(random.plagdet()).isCloseTo(1 / (Math.log(3) / Math.log(2)), within(1e-9));
    }

    @Test
    void halfCoveredIsRecallOneHalf() {
        Scores s = score(List.of(reuse("a", Obfuscation.NONE)),
                Map.of("a", flagged(new Detection("s1", 100, 200, 200, 300))));
        Scores.Measures all = s.byObfuscation().get(Scores.ALL);
        assertThat(all.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(all.precision()).isEqualTo(1.0);
        assertThat(all.plagdet()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
    }

    @Test
    void aDetectionOnTheWrongSourceOrPlaceDetectsNothing() {
        Scores s = score(List.of(reuse("a", Obfuscation.NONE)),
                Map.of("a", flagged(new Detection("s2", 100, 300, 200, 400), new Detection("s1", 100, 300, 600, 800))));
        assertThat(s.byObfuscation().get(Scores.ALL).precision()).isZero();
        assertThat(s.byObfuscation().get(Scores.ALL).recall()).isZero();
    }

    @Test
    void aDetectionOnANoReuseCaseLowersPrecisionAndIsAFalsePositive() {
        EvalCase clean = new EvalCase("b", TEXT, List.of(SOURCE), List.of());
        Scores s = score(List.of(reuse("a", Obfuscation.NONE), clean), Map.of(
                "a", flagged(new Detection("s1", 100, 300, 200, 400)),
                "b", flagged(new Detection("s1", 0, 50, 0, 50))));
        Scores.Measures all = s.byObfuscation().get(Scores.ALL);
        assertThat(all.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(all.recall()).isEqualTo(1.0);
        assertThat(all.cases()).isEqualTo(2);
        assertThat(s.byObfuscation().get("NONE").precision()).isEqualTo(1.0);
        assertThat(s.flags().noReuseCases()).isEqualTo(1);
        assertThat(s.flags().flaggedNoReuseCases()).isEqualTo(1);
        assertThat(s.flags().falsePositiveRate()).isEqualTo(1.0);
        assertThat(s.flags().flagPrecision()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aDetectedQuotedAndCitedPassageCountsAgainstPrecision() {
        EvalCase quoted = new EvalCase("c", TEXT, List.of(SOURCE), List.of(
                new TruthPassage("s1", 100, 300, 200, 400, Obfuscation.NONE, false),
                new TruthPassage("s1", 1000, 1200, 1000, 1200, Obfuscation.NONE, true)));
        Scores s = score(List.of(quoted), Map.of("c", flagged(
                new Detection("s1", 100, 300, 200, 400), new Detection("s1", 1000, 1200, 1000, 1200))));
        Scores.Measures none = s.byObfuscation().get("NONE");
        assertThat(none.passages()).isEqualTo(1);
        assertThat(none.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(none.recall()).isEqualTo(1.0);
        assertThat(s.flags().quotedPassages()).isEqualTo(1);
        assertThat(s.flags().quotedPassagesDetected()).isEqualTo(1);
    }

    @Test
    void aQuotedOnlyCaseThatFlagsIsAFalsePositive() {
        EvalCase quotedOnly = new EvalCase("d", TEXT, List.of(SOURCE),
                List.of(new TruthPassage("s1", 1000, 1200, 1000, 1200, Obfuscation.NONE, true)));
        Scores s = score(List.of(quotedOnly), Map.of("d", new Verdict(true, List.of())));
        assertThat(quotedOnly.hasReuse()).isFalse();
        assertThat(s.flags().flaggedNoReuseCases()).isEqualTo(1);
        assertThat(s.flags().quotedOnlyCasesFlagged()).isEqualTo(1);
        assertThat(s.flags().quotedPassagesDetected()).isZero();
    }

    @Test
    void missedEverythingScoresZeroAndMissingVerdictsCountAsNotFlagged() {
        Scores s = score(List.of(reuse("a", Obfuscation.SYNONYM)), Map.of());
        Scores.Measures synonym = s.byObfuscation().get("SYNONYM");
        assertThat(synonym.recall()).isZero();
        assertThat(synonym.plagdet()).isZero();
        assertThat(s.flags().flaggedReuseCases()).isZero();
        assertThat(s.flags().flagRecall()).isZero();
    }

    @Test
    void passagesFallIntoLengthBandsByTheirSourceWords() {
        // [200, 400) of "word word ..." is 40 words: below every band's floor, so it is SHORT
        Scores s = score(List.of(reuse("a", Obfuscation.NONE)),
                Map.of("a", flagged(new Detection("s1", 100, 300, 200, 400))));
        assertThat(s.byLength().get("50-150").passages()).isEqualTo(1);
        assertThat(s.byLength().get("150-500").passages()).isZero();
        assertThat(LengthBand.of(150)).isEqualTo(LengthBand.MEDIUM);
        assertThat(LengthBand.of(500)).isEqualTo(LengthBand.LONG);
        // "don't" is two words here, as for the generator's clean-run check
        assertThat(LengthBand.words("Talk to your doctor—don't wait.")).isEqualTo(7);
    }

    @Test
    void anOracleScoresOneOnGeneratedCasesAndLosesPrecisionWhenItReportsQuotations() {
        List<EvalCase> cases = CaseGenerator.generate(3, 24);
        Map<String, Verdict> oracle = new java.util.HashMap<>();
        Map<String, Verdict> quoting = new java.util.HashMap<>();
        for (EvalCase c : cases) {
            List<Detection> real = c.truth().stream().filter(t -> !t.quotedAndCited())
                    .map(t -> new Detection(t.sourceId(), t.suspFrom(), t.suspTo(), t.srcFrom(), t.srcTo())).toList();
            List<Detection> all = c.truth().stream()
                    .map(t -> new Detection(t.sourceId(), t.suspFrom(), t.suspTo(), t.srcFrom(), t.srcTo())).toList();
            oracle.put(c.id(), new Verdict(c.hasReuse(), real));
            quoting.put(c.id(), new Verdict(!all.isEmpty(), all));
        }
        Scores perfect = PanScores.score(cases, oracle);
        for (Scores.Measures m : perfect.byObfuscation().values()) {
            assertThat(m.plagdet()).isEqualTo(1.0);
        }
        assertThat(perfect.byLength().values()).allMatch(m -> m.plagdet() == 1.0);
        assertThat(perfect.flags().flaggedNoReuseCases()).isZero();
        assertThat(perfect.flags().flagRecall()).isEqualTo(1.0);

        Scores sloppy = PanScores.score(cases, quoting);
        assertThat(sloppy.byObfuscation().get(Scores.ALL).precision()).isLessThan(1.0);
        assertThat(sloppy.byObfuscation().get(Scores.ALL).recall()).isEqualTo(1.0);
        assertThat(sloppy.flags().quotedPassagesDetected()).isEqualTo(sloppy.flags().quotedPassages()).isPositive();
        assertThat(sloppy.flags().quotedOnlyCasesFlagged()).isPositive();
        assertThat(sloppy.flags().flagPrecision()).isLessThan(1.0);
    }
}
