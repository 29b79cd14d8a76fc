package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine without a database: normalisation, the winnowing guarantee, alignment, and each policy rule. */
class EngineTest {

    private final Engine engine = new Engine(Engine.Settings.DEFAULT, Engine.Policy.DEFAULT);
    private final MadeUpWords madeUp = new MadeUpWords(7);
    private final Random random = madeUp.random();

    private String words(int n) {
        return madeUp.words(n);
    }

    private Engine.Result<String> check(String text, String... sources) {
        List<Engine.Candidate<String>> candidates = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            candidates.add(new Engine.Candidate<>("s" + i, engine.prepare(sources[i])));
        }
        return engine.compare(engine.prepare(text), candidates, new long[0]);
    }

    @Test
    void anEightWordRunFlagsAndMapsBackToBothTexts() {
        String shared = "vitamin d helps the body absorb dietary calcium";
        String source = words(300) + " " + shared + " " + words(300);
        String text = words(200) + " Vitamin D helps the BODY absorb dietary calcium, " + words(200);
        Engine.Result<String> result = check(text, source);
        assertThat(result.flagged()).isTrue();
        assertThat(result.passages()).hasSize(1);
        Alignment.Aligned a = result.passages().get(0).passage();
        Tokens here = engine.prepare(text).tokens();
        Tokens there = engine.prepare(source).tokens();
        assertThat(text.substring(here.start(a.sFrom()), here.end(a.sTo() - 1))).isEqualTo("Vitamin D helps the BODY absorb dietary calcium");
        assertThat(source.substring(there.start(a.cFrom()), there.end(a.cTo() - 1))).isEqualTo(shared);
    }

    @Test
    void sevenWordsDoNotFlag() {
        String source = words(300) + " vitamin d helps the body absorb dietary " + words(300);
        String text = words(200) + " vitamin d helps the body absorb dietary " + words(200);
        assertThat(check(text, source).flagged()).isFalse();
    }

    @Test
    void winnowingKeepsAFingerprintOfEveryRunOfTWords() {
        Engine.Settings s = engine.settings();
        for (int trial = 0; trial < 300; trial++) {
            String run = words(s.guarantee());
            long[] a = engine.prepare(words(random.nextInt(200)) + " " + run + " " + words(random.nextInt(200))).winnowed(s);
            long[] b = engine.prepare(words(random.nextInt(200)) + " " + run + " " + words(random.nextInt(200))).winnowed(s);
            assertThat(Arrays.stream(a).anyMatch(k -> Arrays.binarySearch(b, k) >= 0)).as("trial %d", trial).isTrue();
        }
    }

    @Test
    void aDisguisedPassageComesOutAsOnePassage() {
        String[] copied = words(150).split(" ");
        List<String> disguised = new ArrayList<>();
        for (String w : copied) {
            int op = random.nextInt(10);
            if (op == 0) {
                continue; // deleted
            }
            disguised.add(op == 1 ? "replaced" + random.nextInt(99) : w);
            if (op == 2) {
                disguised.add("inserted");
            }
        }
        String source = words(400) + " " + String.join(" ", copied) + " " + words(400);
        String text = words(300) + " " + String.join(" ", disguised) + " " + words(300);
        Engine.Result<String> result = check(text, source);
        assertThat(result.flagged()).isTrue();
        assertThat(result.passages()).hasSize(1);
        assertThat(result.passages().get(0).passage().words()).isBetween(120, 170);
    }

    @Test
    void aQuotedAndCitedPassageIsListedButDoesNotFlag() {
        String shared = "regular exercise lowers blood pressure in most adults who keep at it";
        String source = words(300) + " " + shared + " " + words(300);
        Engine.Result<String> quoted = check(words(200) + " The trial found that \"" + shared + "\" (3). " + words(200), source);
        assertThat(quoted.passages()).hasSize(1);
        assertThat(quoted.passages().get(0).passage().quoted()).isTrue();
        assertThat(quoted.flagged()).isFalse();

        Engine.Result<String> blockQuote = check(words(200) + "\n\n> " + shared + " [2]\n\n" + words(200), source);
        assertThat(blockQuote.flagged()).isFalse();

        Engine.Result<String> uncited = check(words(200) + " The trial found that \"" + shared + "\". " + words(200), source);
        assertThat(uncited.flagged()).as("a quotation without a citation is still copying").isTrue();
    }

    @Test
    void similarityAlonePassesThePercentThreshold() {
        Engine strictPassages = new Engine(Engine.Settings.DEFAULT, new Engine.Policy(10_000, 15.0));
        String copied = words(40);
        String source = words(300) + " " + copied + " " + words(300);
        Engine.Prepared small = strictPassages.prepare(words(150) + " " + copied + " " + words(50));
        Engine.Prepared large = strictPassages.prepare(words(400) + " " + copied + " " + words(400));
        List<Engine.Candidate<String>> candidates = List.of(new Engine.Candidate<>("s", strictPassages.prepare(source)));
        Engine.Result<String> at20 = strictPassages.compare(small, candidates, new long[0]);
        assertThat(at20.similarityPercent()).isBetween(15.0, 25.0);
        assertThat(at20.flagged()).isTrue();
        Engine.Result<String> at5 = strictPassages.compare(large, candidates, new long[0]);
        assertThat(at5.similarityPercent()).isBetween(3.0, 15.0);
        assertThat(at5.flagged()).isFalse();
    }

    @Test
    void markdownCitationMarkersAndTheReferenceListAreNotWords() {
        Tokens t = Tokens.withoutReferenceList("## Hydration\n\nDrink **water** often (1,3). See [the guide](https://example.org/x) [2].\n\n"
                + "## References\n\n1. Someone. Water. 2020.");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            words.add(t.slice(i, i + 1));
        }
        assertThat(words).containsExactly("Hydration", "Drink", "water", "often", "See", "the", "guide");
    }

    @Test
    void caseDiacriticsAndCompatibilityFormsFoldAway() {
        assertThat(Tokens.of("Café NAÏVE ﬁne").hashes()).containsExactly(Tokens.of("cafe naive fine").hashes());
    }

    @Test
    void nonLatinTextsMatch() {
        String cyrillic = "Регулярные физические упражнения снижают артериальное давление у большинства взрослых людей";
        String chinese = "规律的体育锻炼可以降低大多数成年人的血压水平";
        String source = words(100) + " " + cyrillic + " " + words(50) + " " + chinese + " " + words(100);
        Engine.Result<String> result = check(words(80) + " " + cyrillic + " " + words(80) + " " + chinese + " " + words(40), source);
        assertThat(result.flagged()).isTrue();
        assertThat(result.passages()).hasSize(2);
        assertThat(Tokens.of(chinese).size()).isEqualTo(chinese.length());
    }

    /**
     * Behaviour, not speed (speed is the benchmark's business): the timeout only guards against a
     * hang, far above any plausible run even on a busy machine.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void emptyAndHugeTextsFinish() {
        assertThat(check("", words(100)).flagged()).isFalse();
        assertThat(check("   ", "").words()).isZero();
        String huge = words(170_000);
        assertThat(huge.length()).isGreaterThan(1_000_000);
        String candidate = huge.substring(500_000, 520_000);
        Engine.Result<String> result = check(huge, candidate);
        assertThat(result.flagged()).isTrue();
        assertThat(result.words()).isEqualTo(170_000);
        // the candidate's ~3,000 words come back as passages, and little else does
        int candidateWords = engine.prepare(candidate).tokens().size();
        int matched = result.passages().stream().mapToInt(f -> f.passage().words()).sum();
        assertThat(matched).isBetween(candidateWords - 10, candidateWords);
        assertThat(result.longestPassageWords()).isGreaterThan(candidateWords / 2);
        assertThat(result.similarityPercent()).isBetween(candidateWords * 100.0 / 170_000 - 0.1, candidateWords * 100.0 / 170_000);
        Tokens here = engine.prepare(huge).tokens();
        for (Engine.Found<String> f : result.passages()) {
            Alignment.Aligned a = f.passage();
            int from = here.start(a.sFrom());
            assertThat(from).isBetween(500_000 - 20, 520_000);
            assertThat(here.end(a.sTo() - 1)).isBetween(from, 520_000);
        }
    }

    @Test
    void postingsRoundTrip() {
        long[] postings = {PostingCodec.posting(1, 5), PostingCodec.posting(1, 9), PostingCodec.posting(300, 65535),
                PostingCodec.posting(1L << 30, 0)};
        assertThat(PostingCodec.decode(PostingCodec.encode(postings, 0, postings.length))).containsExactly(postings);
        List<Long> hits = new ArrayList<>();
        PostingCodec.scan(PostingCodec.encode(postings, 0, postings.length), new int[] {9, 65535}, (residual, document) -> hits.add(document));
        assertThat(hits).containsExactly(1L, 300L);
    }
}
