package com.imprimatur.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionDiffsTest {

    private static RevisionView revision(int number, String body) {
        return new RevisionView(number, 7, number, "Title", "Summary", body, null, null, List.of(), List.of("writer"),
                "writer", Instant.now(), String.valueOf(number).repeat(64));
    }

    private static WordDiff.Result result(int chars) {
        return new WordDiff.Result(1, 2, 0, 0, List.of(new WordDiff.Segment(WordDiff.Op.EQUAL, "x".repeat(chars))), true);
    }

    @Test
    void aPairIsComparedOnceAndThenReadBackOnEveryView() {
        ArticleService articles = mock(ArticleService.class);
        when(articles.revision(any(), eq(7L), eq(1))).thenReturn(revision(1, "Old words."));
        when(articles.revision(any(), eq(7L), eq(2))).thenReturn(revision(2, "New words."));
        RevisionDiffs diffs = new RevisionDiffs(articles);
        WordDiff.Result first = diffs.compare(null, 7, 1, 2);
        assertThat(diffs.compare(null, 7, 1, revision(2, "New words."))).isSameAs(first);
        assertThat(diffs.between(null, 7, 1, 2).parts()).extracting(RevisionDiffs.Part::op)
                .containsExactly("equal", "delete", "insert", "equal");
        assertThat(diffs.compare(null, 7, 2, 1)).isNotSameAs(first);
    }

    @Test
    void theCacheIsBoundedByEntriesAndByCharacters() {
        RevisionDiffs.Cache cache = new RevisionDiffs.Cache();
        for (int i = 0; i < RevisionDiffs.MAX_ENTRIES + 10; i++) {
            cache.put(i, result(10));
        }
        assertThat(cache.size()).isEqualTo(RevisionDiffs.MAX_ENTRIES);
        assertThat(cache.get(0)).isNull();
        assertThat(cache.get(RevisionDiffs.MAX_ENTRIES + 9)).isNotNull();

        int overHalf = (int) (RevisionDiffs.MAX_CHARS / 2) + 1;
        cache.put("big", result(overHalf));
        cache.put("bigger", result(overHalf));
        assertThat(cache.get("big") == null).as("the least recently used goes first").isTrue();
        assertThat(cache.get("bigger") != null).isTrue();
        assertThat(cache.size()).isEqualTo(1);
        cache.put("too big", result((int) RevisionDiffs.MAX_CHARS + 1));
        assertThat(cache.get("too big") == null).isTrue();
    }
}
