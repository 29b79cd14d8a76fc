package com.imprimatur.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    private static RevisionView revision(int number, String body) {
        return new RevisionView(number, 1, number, "Title", "Summary", body, null, null, List.of(), List.of("writer"),
                "writer", Instant.now(), "0".repeat(64));
    }

    private static String side(WordDiff.Result diff, WordDiff.Op skipped) {
        return diff.segments().stream().filter(s -> s.op() != skipped).map(WordDiff.Segment::text).collect(Collectors.joining());
    }

    @Test
    void eachSideCanBeRebuiltFromTheSegments() {
        RevisionView a = revision(1, "Drink water when thirsty and with meals.");
        RevisionView b = revision(2, "Drink water when thirsty, with meals and after exercise.");
        WordDiff.Result diff = WordDiff.between(a, b);
        assertThat(side(diff, WordDiff.Op.INSERT)).isEqualTo("Title\n\nSummary\n\n" + a.body());
        assertThat(side(diff, WordDiff.Op.DELETE)).isEqualTo("Title\n\nSummary\n\n" + b.body());
        assertThat(diff.wordsDeleted()).isEqualTo(3);
        assertThat(diff.wordsInserted()).isEqualTo(5);
    }

    @Test
    void identicalRevisionsAreOneEqualSegment() {
        WordDiff.Result diff = WordDiff.between(revision(1, "Same words."), revision(2, "Same words."));
        assertThat(diff.segments()).hasSize(1);
        assertThat(diff.segments().get(0).op()).isEqualTo(WordDiff.Op.EQUAL);
        assertThat(diff.wordsInserted()).isZero();
    }
}
