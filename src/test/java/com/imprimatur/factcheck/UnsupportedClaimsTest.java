package com.imprimatur.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.CountingText;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UnsupportedClaimsTest {

    private static List<Finding> hints(String body) {
        return UnsupportedClaims.in(body, Citations.in(body));
    }

    @Test
    void numbersPercentagesDosesAndComparisonsWithoutACitationAreHinted() {
        String body = "About 30% of adults snore. Take 400 mg twice daily. Walking lowers the risk of stroke. "
                + "Sleep 7 hours. Water is good.";
        List<Finding> found = hints(body);
        assertThat(found).extracting(Finding::message).containsExactly(
                "This sentence states a percentage but cites no reference.",
                "This sentence states a dose or quantity but cites no reference.",
                "This sentence states a comparative outcome but cites no reference.",
                "This sentence states a number but cites no reference.");
        assertThat(found).allMatch(f -> f.severity() == Finding.Severity.HINT);
        assertThat(found.get(0).text()).isEqualTo("About 30% of adults snore.");
        assertThat(body.substring(found.get(1).start(), found.get(1).end())).isEqualTo("Take 400 mg twice daily.");
    }

    @Test
    void citedSentencesYearsHeadingsAndListMarkersAreNot() {
        String body = """
                ## Step 2 of the plan

                About 30% of adults snore (1). Take 2.5 mg daily [2]. In 2019 the guidance changed.
                1. Drink water when thirsty.
                Walking lowers the risk of stroke. (3)
                """;
        assertThat(hints(body)).isEmpty();
    }

    @Test
    void decimalPointsDoNotEndASentence() {
        List<Finding> found = hints("Levels rose by 2.5 mmol overnight. Nothing else.");
        assertThat(found).singleElement().extracting(Finding::text).isEqualTo("Levels rose by 2.5 mmol overnight.");
    }

    @Test
    void aNumberGivesBackItsLastGroupBeforeALetterAsTheRegularExpressionDid() {
        assertThat(UnsupportedClaims.nextNumber("Take 1.5x more", 0)).containsExactly(5, 6);
        assertThat(UnsupportedClaims.nextNumber("Take 15x more", 0)).isNull();
        assertThat(UnsupportedClaims.nextNumber("B12 and 3,000.5 units", 0)).containsExactly(8, 15);
        assertThat(UnsupportedClaims.nextNumber("v1.2 or .5 or 2.", 0)).containsExactly(14, 15);
        assertThat(hints("Take 1.5x more water.")).extracting(Finding::message)
                .containsExactly("This sentence states a number but cites no reference.");
    }

    /**
     * Bodies that made the old patterns backtrack (a long run of digits before no percent sign),
     * overflow the stack ("1.1.1…": one recursion per repetition) or rescan (leading spaces before
     * many years): the reads per character stay the same at n, 2n, 4n and 8n (about 49 at most: a
     * start tries each unit of a dose once; quadratic work would reach thousands here).
     */
    @Test
    void theWorkGrowsLinearlyWithTheBody() {
        Map<String, Function<Integer, String>> bodies = Map.of(
                "digits", n -> "About " + "1".repeat(n) + " x",
                "digits and commas", n -> "About " + "1,".repeat(n / 2) + "x",
                "1.1.1…x", n -> "About 1" + ".1".repeat(n / 2) + "x",
                "spaces then years", n -> " ".repeat(n / 2) + "2000 ".repeat(n / 10),
                "reduce and spaces", n -> "reduce " + "the ".repeat(n / 8) + " ".repeat(n / 2) + "x",
                "long words", n -> ("a".repeat(n / 8) + " ").repeat(8) + "times",
                "doses without units", n -> "5 ".repeat(n / 2),
                "per cen", n -> "1 per cen ".repeat(n / 10));
        bodies.forEach((name, body) -> assertThat(CountingText.mostReadsPerCharacter(5_000, body,
                text -> UnsupportedClaims.in(text, List.of()))).as(name).isLessThanOrEqualTo(60));
    }

    @Test
    void aMillionCharacterBodyOfDigitsIsHintedWithoutOverflowingTheStack() {
        assertThat(hints("About " + "1.2".repeat(330_000) + "% of them.")).singleElement()
                .extracting(Finding::message).isEqualTo("This sentence states a percentage but cites no reference.");
    }
}
