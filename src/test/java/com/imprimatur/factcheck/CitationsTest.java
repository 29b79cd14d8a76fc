package com.imprimatur.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.CountingText;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CitationsTest {

    @Test
    void everyFormIsFoundWithItsOffsets() {
        String body = "A (1). B (1,3). C (2-4). D (2–4). E [1]. F [1, 3-4]. G (1 , 2).";
        List<Citations.Citation> found = Citations.in(body);
        assertThat(found).extracting(Citations.Citation::numbers).containsExactly(List.of(1), List.of(1, 3),
                List.of(2, 3, 4), List.of(2, 3, 4), List.of(1), List.of(1, 3, 4), List.of(1, 2));
        for (Citations.Citation c : found) {
            assertThat(body.substring(c.start(), c.end())).isEqualTo(c.text());
        }
        assertThat(found.get(0).start()).isEqualTo(2);
        assertThat(found.get(0).text()).isEqualTo("(1)");
    }

    @Test
    void yearsWordsAndMismatchedBracketsAreNotCitations() {
        assertThat(Citations.in("In (2020) a study (see below) found [a] thing (1] and [2) and (1, ) more."))
                .isEmpty();
    }

    @Test
    void aCitationOfAMissingReferenceIsBlockingAndHighlighted() {
        String body = "Fluids help (1). Salt matters (7). Both (1,9).";
        List<Finding> findings = Citations.check(Citations.in(body), 1);
        assertThat(findings).filteredOn(f -> f.code().equals("citation-without-reference")).hasSize(2)
                .allMatch(Finding::blocking);
        Finding seven = findings.get(0);
        assertThat(body.substring(seven.start(), seven.end())).isEqualTo("(7)");
        assertThat(seven.message()).contains("reference 7").contains("lists 1 reference");
        assertThat(findings.get(1).message()).startsWith("Citation (1,9) names reference 9, but");
    }

    @Test
    void referencesNeverCitedAreWarnings() {
        List<Finding> findings = Citations.check(Citations.in("Only (2) is cited."), 3);
        assertThat(findings).extracting(Finding::code).containsExactly("reference-not-cited", "reference-not-cited");
        assertThat(findings).extracting(Finding::reference).containsExactly(1, 3);
        assertThat(findings).noneMatch(Finding::blocking);
    }

    @Test
    void aReferenceFirstCitedBeforeALowerNumberIsOutOfOrder() {
        String body = "First (1). Then (3). Then (2). Again (1-3).";
        List<Finding> findings = Citations.check(Citations.in(body), 3);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("reference-cited-out-of-order");
            assertThat(f.reference()).isEqualTo(3);
            assertThat(body.substring(f.start(), f.end())).isEqualTo("(3)");
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
        });
    }

    @Test
    void citationsInOrderAndGroupsAreClean() {
        assertThat(Citations.check(Citations.in("A (1). B (2,3). C [4-5]. D (1)."), 5)).isEmpty();
        assertThat(Citations.check(Citations.in("A (2,1)."), 2)).isEmpty();
    }

    /** A greedy repeated group recursed once per item: "(1,1,1,…" of a thousand items overflowed the stack. */
    @Test
    void aLongListIsReadInLinearTimeWithoutOverflowingTheStack() {
        Map<String, Function<Integer, String>> bodies = Map.of(
                "(1,1,1,… never closed", n -> "(1" + ",1".repeat(n / 2),
                "(1,(1,(1,…", n -> "(1,".repeat(n / 3),
                "( ( ( …", n -> "(   ".repeat(n / 4),
                "[1 - 2 , …", n -> "[1 - 2 , ".repeat(n / 9),
                "(1    - x", n -> "(1" + " ".repeat(n) + "- x");
        bodies.forEach((name, body) -> assertThat(CountingText.mostReadsPerCharacter(5_000, body, Citations::in))
                .as(name).isLessThanOrEqualTo(6));
        assertThat(Citations.in("(1" + ",2".repeat(100_000) + ")")).singleElement()
                .extracting(c -> c.numbers().size()).isEqualTo(100_001);
    }
}
