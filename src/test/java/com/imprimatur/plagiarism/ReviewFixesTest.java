package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defects found in the review of issue 3, each with the case that showed it. */
class ReviewFixesTest {

    private final Engine engine = new Engine(Engine.Settings.DEFAULT, Engine.Policy.DEFAULT);
    private final MadeUpWords madeUp = new MadeUpWords(11);

    private String words(int n) {
        return madeUp.words(n);
    }

    private Engine.Result<String> check(String text, String... sources) {
        List<Engine.Candidate<String>> candidates = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            candidates.add(new Engine.Candidate<>("s" + i, engine.prepare(sources[i])));
        }
        Engine.Prepared checked = engine.prepare(text);
        return engine.compare(checked, engine.sharingFingerprints(checked, candidates), new long[0]);
    }

    private static final String SENTENCE = "vitamin d helps the body absorb dietary calcium from the food we eat every day";

    /** The sentence with a citation marker after every third word. */
    private static String markedEveryThreeWords(String sentence) {
        String[] w = sentence.split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : " ").append(w[i]);
            if (i % 3 == 2 && i < w.length - 1) {
                sb.append(" [").append(i / 3 + 1).append("]");
            }
        }
        return sb.toString();
    }

    @Test
    void citationMarkersEveryThreeWordsDoNotHideACopy() {
        String source = words(300) + " " + SENTENCE + ". " + words(300);
        String laced = markedEveryThreeWords(SENTENCE);
        assertThat(laced).contains("helps [1] the body absorb [2] dietary");
        Engine.Result<String> result = check(words(200) + " " + laced + ". " + words(200), source);
        assertThat(result.flagged()).isTrue();
        assertThat(result.passages()).hasSize(1);
        assertThat(result.passages().get(0).passage().words()).isGreaterThanOrEqualTo(15);
        assertThat(result.passages().get(0).passage().quoted()).isFalse();
    }

    @Test
    void aMarkerInsideTheSourcesRunDoesNotSplitATwelveWordCopy() {
        String run = "regular walking after meals lowers blood sugar in adults with type two diabetes";
        String[] w = run.split(" ");
        assertThat(w).hasSize(13);
        String sourceRun = String.join(" ", List.of(w).subList(0, 6)) + " (4) " + String.join(" ", List.of(w).subList(6, 13));
        String source = words(300) + " " + sourceRun + ". " + words(300);
        String copied = String.join(" ", List.of(w).subList(0, 12));
        Engine.Result<String> result = check(words(200) + " " + copied + " " + words(200), source);
        assertThat(result.flagged()).isTrue();
        assertThat(result.passages()).hasSize(1);
        Alignment.Aligned a = result.passages().get(0).passage();
        assertThat(a.words()).isEqualTo(12);
        assertThat(a.strong()).isTrue();
    }

    @Test
    void aQuotedPassageWithACitationStillDoesNotFlag() {
        String shared = "regular exercise lowers blood pressure in most adults who keep at it";
        String source = words(300) + " " + shared + " " + words(300);
        Engine.Result<String> quoted = check(words(200) + " The trial found that \"" + shared + "\" [3] and " + words(200), source);
        assertThat(quoted.passages()).isNotEmpty();
        assertThat(quoted.passages()).allMatch(f -> f.passage().quoted());
        assertThat(quoted.flagged()).isFalse();
    }

    /** Every word of the sentence with an invisible character in its middle. */
    private static String laced(String sentence, char invisible) {
        StringBuilder sb = new StringBuilder();
        for (String w : sentence.split(" ")) {
            int mid = Math.max(1, w.length() / 2);
            sb.append(sb.isEmpty() ? "" : " ").append(w, 0, mid).append(w.length() > 1 ? String.valueOf(invisible) : "").append(w.substring(mid));
        }
        return sb.toString();
    }

    @Test
    void zeroWidthSpacesInsideWordsDoNotHideACopy() {
        String source = words(300) + " " + SENTENCE + ". " + words(300);
        String laced = laced(SENTENCE, '\u200B');
        assertThat(laced).contains("vit\u200Bamin").hasSizeGreaterThan(SENTENCE.length() + 10);
        String before = words(200) + " ";
        String text = before + laced + ". " + words(200);
        Engine.Result<String> result = check(text, source);
        assertThat(result.flagged()).isTrue();
        assertThat(result.passages()).hasSize(1);
        Alignment.Aligned a = result.passages().get(0).passage();
        Tokens here = engine.prepare(text).tokens();
        assertThat(here.start(a.sFrom())).isEqualTo(before.length());
        assertThat(here.end(a.sTo() - 1)).isEqualTo(before.length() + laced.length());
        assertThat(text.substring(here.start(a.sFrom()), here.end(a.sTo() - 1))).isEqualTo(laced);
    }

    @Test
    void formatCharactersEmphasisAndInlineTagsInsideAWordContinueIt() {
        long[] hello = Tokens.of("say hello now").hashes();
        for (String variant : List.of("say hel\u00ADlo now", "say hel\u2060lo now", "say he\uFEFFllo now", "say he**l**lo now",
                "say he<b></b>llo now", "say h_e_llo now", "say \u200Bhello\u200B now")) {
            Tokens t = Tokens.of(variant);
            assertThat(t.hashes()).as(variant).containsExactly(hello);
            assertThat(t.slice(1, 2)).as(variant).startsWith("h").endsWith("o");
        }
        assertThat(Tokens.of("say he** llo now").size()).isEqualTo(4);
        assertThat(Tokens.of("see https://x.org/a [2]b").size()).isEqualTo(2);
    }

    @Test
    void copiedTextAfterASourcesHeadingInARevisionIsChecked() {
        String source = words(300) + " " + SENTENCE + ". " + words(300);
        for (String heading : List.of("## Sources", "Sources:", "**References**", "# Bibliography")) {
            String revision = words(200) + "\n\n" + heading + "\n\n" + SENTENCE + ". " + words(30);
            Engine.Result<String> result = check(revision, source);
            assertThat(result.flagged()).as(heading).isTrue();
            assertThat(result.passages()).as(heading).hasSize(1);
            Tokens here = engine.prepare(revision).tokens();
            Alignment.Aligned a = result.passages().get(0).passage();
            assertThat(revision.substring(here.start(a.sFrom()), here.end(a.sTo() - 1))).isEqualTo(SENTENCE);
        }
    }

    @Test
    void aRegisteredSourcesOwnReferenceListIsStillLeftOut() {
        String text = "Drink water often.\n\n## References\n\n1. Someone. Water. 2020.";
        assertThat(engine.prepareSource(text).tokens().size()).isEqualTo(3);
        assertThat(engine.prepare(text).tokens().size()).isGreaterThan(3);
    }
}
