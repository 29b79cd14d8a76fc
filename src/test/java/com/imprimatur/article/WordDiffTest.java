package com.imprimatur.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    private static RevisionView revision(int number, String body) {
        return new RevisionView(number, 1, number, "Title", "Summary", body, null, null, List.of(), List.of("writer"),
                "writer", Instant.now(), "0".repeat(64));
    }

    private static String side(WordDiff.Result diff, WordDiff.Op skipped) {
        return diff.segments().stream().filter(s -> s.op() != skipped).map(WordDiff.Segment::text).collect(Collectors.joining());
    }

    private static void rebuildsBothSides(WordDiff.Result diff, RevisionView a, RevisionView b) {
        assertThat(side(diff, WordDiff.Op.INSERT)).isEqualTo("Title\n\nSummary\n\n" + a.body());
        assertThat(side(diff, WordDiff.Op.DELETE)).isEqualTo("Title\n\nSummary\n\n" + b.body());
    }

    private static String words(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }

    /** The diff of two bodies with the real budgets, checked to give each side back. */
    private static WordDiff.Result diff(String from, String to) {
        RevisionView a = revision(1, from);
        RevisionView b = revision(2, to);
        WordDiff.Result diff = WordDiff.between(a, b);
        rebuildsBothSides(diff, a, b);
        return diff;
    }

    @Test
    void eachSideCanBeRebuiltFromTheSegments() {
        WordDiff.Result diff = diff("Drink water when thirsty and with meals.", "Drink water when thirsty, with meals and after exercise.");
        assertThat(diff.wordsDeleted()).isEqualTo(3);
        assertThat(diff.wordsInserted()).isEqualTo(5);
        assertThat(diff.wordByWord()).isTrue();
    }

    @Test
    void identicalRevisionsAreOneEqualSegment() {
        WordDiff.Result diff = WordDiff.between(revision(1, "Same words."), revision(2, "Same words."));
        assertThat(diff.segments()).hasSize(1);
        assertThat(diff.segments().get(0).op()).isEqualTo(WordDiff.Op.EQUAL);
        assertThat(diff.wordsInserted()).isZero();
    }

    @Test
    void onlyTheChangedParagraphIsComparedWordByWord() {
        WordDiff.Result diff = diff("First paragraph stays.\n\nSalt raises blood pressure.\n\nLast one stays.\n",
                "First paragraph stays.\n\nSalt raises blood pressure in some people.\n\nA new one.\nLast one stays.\n");
        assertThat(diff.segments()).extracting(WordDiff.Segment::op).containsExactly(WordDiff.Op.EQUAL, WordDiff.Op.DELETE,
                WordDiff.Op.INSERT, WordDiff.Op.EQUAL, WordDiff.Op.INSERT, WordDiff.Op.EQUAL);
        assertThat(diff.segments().get(2).text()).isEqualTo("pressure in some people.");
        assertThat(diff.wordsDeleted()).isEqualTo(1);
        assertThat(diff.wordsInserted()).isEqualTo(7);
        assertThat(diff.wordByWord()).isTrue();
    }

    @Test
    void pastTheWordBudgetAChangedParagraphIsShownWholeAndTheResultSaysSo() {
        RevisionView a = revision(1, "Kept.\n" + words("old", 200) + "\nAlso kept.");
        RevisionView b = revision(2, "Kept.\n" + words("new", 200) + "\nAlso kept.");
        WordDiff.Result diff = WordDiff.between(a, b, new EditScript.Budget(1_000), new EditScript.Budget(1_000));
        rebuildsBothSides(diff, a, b);
        assertThat(diff.wordByWord()).isFalse();
        assertThat(diff.segments()).extracting(WordDiff.Segment::text).containsExactly("Title\n\nSummary\n\nKept.\n",
                words("old", 200), words("new", 200), "\nAlso kept.");
        assertThat(diff.wordsDeleted()).isEqualTo(200);
        assertThat(diff.wordsInserted()).isEqualTo(200);
    }

    @Test
    void pastTheLineBudgetEverythingBetweenTheCommonFirstAndLastLinesIsOneBlock() {
        RevisionView a = revision(1, "Kept.\n" + words("old", 300).replace(' ', '\n') + "\nAlso kept.");
        RevisionView b = revision(2, "Kept.\n" + words("new", 300).replace(' ', '\n') + "\nAlso kept.");
        WordDiff.Result diff = WordDiff.between(a, b, new EditScript.Budget(1_000), new EditScript.Budget(1_000));
        rebuildsBothSides(diff, a, b);
        assertThat(diff.wordByWord()).isFalse();
        assertThat(diff.segments()).extracting(WordDiff.Segment::op).containsExactly(WordDiff.Op.EQUAL, WordDiff.Op.DELETE,
                WordDiff.Op.INSERT, WordDiff.Op.EQUAL);
        // with the budget it needs, the same pair is compared word by word
        assertThat(WordDiff.between(a, b).wordByWord()).isTrue();
    }

    /**
     * Pairs that cost Myers (N+M)·D: every line or word different, or interleaved. At n, 2n, 4n
     * and 8n the steps taken stay within both budgets plus a constant per character of the texts,
     * where an unbudgeted diff takes steps that grow with the square.
     */
    @Test
    void theWorkIsLinearInTheTextsPlusTheBudgets() {
        Map<String, IntFunction<String[]>> pairs = Map.of(
                "every line different", n -> new String[] {"a\n".repeat(n / 2), "b\n".repeat(n / 2)},
                "a line put after every other", n -> new String[] {"a\n".repeat(n / 2), "a\nb\n".repeat(n / 4)},
                "every word different", n -> new String[] {words("x", n / 8), words("y", n / 8)},
                "words shifted in one paragraph", n -> new String[] {"a b ".repeat(n / 4), "b a ".repeat(n / 4)});
        long budget = 20_000;
        pairs.forEach((name, pair) -> {
            for (int n = 10_000; n <= 80_000; n *= 2) {
                String[] texts = pair.apply(n);
                EditScript.Budget lines = new EditScript.Budget(budget);
                EditScript.Budget words = new EditScript.Budget(budget);
                WordDiff.Result diff = WordDiff.between(revision(1, texts[0]), revision(2, texts[1]), lines, words);
                long characters = texts[0].length() + texts[1].length();
                assertThat(lines.work() + words.work()).as(name + " at " + n).isLessThanOrEqualTo(2 * budget + 2 * characters + 1_000);
                assertThat(diff.wordByWord()).as(name + " at " + n).isFalse();
            }
        });
    }

    /**
     * The largest bodies allowed, as different as can be, with the real budgets: the steps taken stay within
     * both budgets plus a linear pass over the texts (counted, so a slow machine cannot fail it), and the wall
     * clock is only a far backstop for work the budgets do not count. The bound was 2 s: the slowest CI day
     * yet took 2.5 s for this comparison, where steps growing with the square would take minutes.
     */
    @Test
    void twoMillionCharacterBodiesStayWithinTheBudgetsAndAFarTimeBound() {
        String from = words("x", 130_000);
        String to = words("y", 130_000);
        RevisionView a = revision(1, from);
        RevisionView b = revision(2, to);
        WordDiff.between(revision(1, words("x", 1_000)), revision(2, words("y", 1_000))); // warm up
        EditScript.Budget lines = new EditScript.Budget(WordDiff.LINE_BUDGET);
        EditScript.Budget words = new EditScript.Budget(WordDiff.WORD_BUDGET);
        long start = System.nanoTime();
        WordDiff.Result diff = WordDiff.between(a, b, lines, words);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        rebuildsBothSides(diff, a, b);
        assertThat(diff.wordByWord()).isFalse();
        assertThat(lines.work() + words.work())
                .isLessThanOrEqualTo(WordDiff.LINE_BUDGET + WordDiff.WORD_BUDGET + 2L * (from.length() + to.length()) + 1_000);
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }
}
