package com.imprimatur.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
