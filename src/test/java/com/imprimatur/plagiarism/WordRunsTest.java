package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordRunsTest {

    private static final String SOURCE = "Older adults often feel thirst later than younger people, and infants cannot ask for a drink.";

    @Test
    void findsAnEightWordRunDespiteCaseAndPunctuation() {
        String text = "Note this: OLDER adults often feel thirst -- later than younger people; so plan ahead.";
        List<WordRuns.Word> words = WordRuns.words(text);
        List<WordRuns.Run> runs = WordRuns.shared(words, WordRuns.words(SOURCE), 8);
        assertThat(runs).hasSize(1);
        WordRuns.Run run = runs.get(0);
        assertThat(run.words()).isEqualTo(9);
        assertThat(text.substring(words.get(run.textFrom()).start(), words.get(run.textTo() - 1).end()))
                .isEqualTo("OLDER adults often feel thirst -- later than younger people");
    }

    @Test
    void sevenSharedWordsAreNotEnough() {
        String text = "We know older adults often feel thirst later than others do.";
        assertThat(WordRuns.shared(WordRuns.words(text), WordRuns.words(SOURCE), 8)).isEmpty();
    }

    @Test
    void nonLatinTextIsSplitIntoWords() {
        List<WordRuns.Word> words = WordRuns.words("Пейте воду, когда жарко. 多喝水");
        assertThat(words).extracting(WordRuns.Word::norm).containsExactly("пейте", "воду", "когда", "жарко", "多喝水");
    }

    @Test
    void emptyTextsHaveNoRuns() {
        assertThat(WordRuns.shared(WordRuns.words(""), WordRuns.words(SOURCE), 8)).isEmpty();
    }
}
