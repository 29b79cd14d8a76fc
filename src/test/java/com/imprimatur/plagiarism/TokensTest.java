package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.CountingText;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void linkTargetsUrlsTagsAndCitationMarkersMakeNoWords() {
        Tokens tokens = Tokens.of("See [the trial](https://example.org/a \"title\") at <b>www.example.org</b> (1, 2).");
        assertThat(tokens.size()).isEqualTo(4); // see, the, trial, at
        assertThat(Tokens.of("(1" + ",2".repeat(50_000) + ")").size()).isZero();
    }

    /**
     * Texts that made the skipped-ranges pattern rescan the rest of the text from every start
     * ("](](](…" took 11.5 s at 80,000 characters), the reference heading backtrack over trailing
     * spaces, or the citation marker overflow the stack: reads per character stay the same at n … 8n.
     */
    @Test
    void theSkippedRangesAndTheReferenceHeadingAreFoundInLinearTime() {
        Map<String, Function<Integer, String>> texts = Map.of(
                "](](](…", n -> "](".repeat(n / 2),
                "](a \"](a \"…", n -> "](a \"".repeat(n / 5),
                "<<<…", n -> "<".repeat(n),
                "<a <a <a…", n -> "<a ".repeat(n / 3),
                "(1,1,1,…", n -> "(1" + ",1".repeat(n / 2),
                "http://http://…", n -> "http://".repeat(n / 7));
        texts.forEach((name, text) -> assertThat(CountingText.mostReadsPerCharacter(5_000, text,
                t -> Tokens.skipped(t, t.length()))).as(name).isLessThanOrEqualTo(12));
        assertThat(CountingText.mostReadsPerCharacter(5_000, n -> "references" + " \t".repeat(n / 2) + "x",
                Tokens::referenceListStart)).as("heading and trailing spaces").isLessThanOrEqualTo(12);
    }
}
