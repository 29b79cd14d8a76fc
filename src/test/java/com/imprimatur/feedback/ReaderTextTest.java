package com.imprimatur.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.CountingText;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReaderTextTest {

    @Test
    void tagsScriptsAndStylesGoAndSpacesCollapse() {
        assertThat(ReaderText.strip("<b>Wrong</b> <script>alert('x')</script>dose <img src=x onerror=alert(1)>")).isEqualTo("Wrong dose");
        assertThat(ReaderText.strip("a<STYLE type=x>p{}</style >b")).isEqualTo("a b");
        assertThat(ReaderText.strip("before <script>never closed")).isEqualTo("before");
        assertThat(ReaderText.strip("a <script no end of tag")).isEqualTo("a");
        assertThat(ReaderText.strip("<scripts>kept</scripts>")).isEqualTo("kept");
        assertThat(ReaderText.strip("one<br>two\u00A0\u00A0 three\n\tfour")).isEqualTo("one two three four");
        assertThat(ReaderText.strip("x < y")).isEqualTo("x");
        assertThat(ReaderText.strip(" <p></p> ")).isNull();
        assertThat(ReaderText.strip(null)).isNull();
    }

    /** Inputs that made the old regular expressions backtrack, and each pass's reads per character at n, 2n, 4n, 8n. */
    @Test
    void everyPassReadsEachCharacterABoundedNumberOfTimes() {
        Map<String, Function<Integer, String>> inputs = Map.of(
                "<script<script…", n -> "<script".repeat(n / 7),
                "<style …", n -> "<style ".repeat(n / 7),
                "<script>…</script …", n -> "<script>" + "</script ".repeat(n / 9),
                "<<<…", n -> "<".repeat(n),
                "<a <a …> at the end", n -> "<a ".repeat(n / 3) + ">",
                "spaces", n -> " \u00A0\t".repeat(n / 3) + "x");
        Map<String, Function<CountingText, ?>> passes = Map.of(
                "withoutScripts", ReaderText::withoutScripts,
                "withoutTags", ReaderText::withoutTags,
                "collapseSpace", ReaderText::collapseSpace);
        inputs.forEach((name, input) -> passes.forEach((pass, work) -> {
            assertThat(CountingText.mostReadsPerCharacter(4_000, input, work)).as(pass + " on " + name).isLessThanOrEqualTo(4);
        }));
    }
}
