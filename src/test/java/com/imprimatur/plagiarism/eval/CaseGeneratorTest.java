package com.imprimatur.plagiarism.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseGeneratorTest {

    private static final int CASES = 60;
    private static List<EvalCase> cases;

    @BeforeAll
    static void generate() {
        cases = CaseGenerator.generate(11, CASES);
    }

    private static String source(EvalCase c, TruthPassage t) {
        return c.sources().stream().filter(s -> s.id().equals(t.sourceId())).findFirst().orElseThrow().text();
    }

    private static String susp(EvalCase c, TruthPassage t) {
        return c.suspicious().substring(t.suspFrom(), t.suspTo());
    }

    private static String src(EvalCase c, TruthPassage t) {
        return source(c, t).substring(t.srcFrom(), t.srcTo());
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (Word w : Word.of(text, text.length())) {
            words.add(w.norm());
        }
        return words;
    }

    @Test
    void theSameSeedGivesTheSameCasesAndAnotherSeedOthers() {
        assertThat(CaseGenerator.generate(11, 12)).isEqualTo(cases.subList(0, 12));
        assertThat(CaseGenerator.generate(12, 12)).isNotEqualTo(cases.subList(0, 12));
    }

    @Test
    void halfTheCasesHaveNoReuseAtAll() {
        assertThat(cases.stream().filter(c -> c.truth().isEmpty())).hasSize(CASES / 2);
        assertThat(cases.stream().filter(c -> !c.truth().isEmpty() && !c.hasReuse())).isNotEmpty();
    }

    @Test
    void casesHaveTheAgreedSizesAndLookLikeMarkdownArticles() {
        for (EvalCase c : cases) {
            assertThat(LengthBand.words(c.suspicious())).as(c.id()).isBetween(450, 2800);
            assertThat(c.sources()).hasSizeBetween(1, 4);
            for (EvalSource s : c.sources()) {
                assertThat(LengthBand.words(s.text())).as(s.id()).isBetween(1000, 3500);
                assertThat(s.text()).startsWith("# ").contains("\n## ").contains("\n## References\n\n1. ");
            }
            assertThat(c.suspicious()).startsWith("# ").contains("\n## ").contains("\n## References\n\n1. ");
        }
        assertThat(cases.stream().filter(c -> c.suspicious().contains("\n- "))).hasSizeGreaterThan(CASES / 2);
    }

    @Test
    void everyObfuscationAndLengthBandOccursAndPassagesFallInTheirBand() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < CASES; i++) {
            EvalCase c = cases.get(i);
            CaseGenerator.Plan plan = CaseGenerator.Plan.of(i);
            for (TruthPassage t : c.truth()) {
                if (t.quotedAndCited()) {
                    continue;
                }
                assertThat(t.obfuscation()).isEqualTo(plan.obfuscation());
                assertThat(LengthBand.of(LengthBand.words(src(c, t)))).as(c.id()).isEqualTo(plan.band());
                seen.add(t.obfuscation() + "/" + plan.band());
            }
        }
        assertThat(seen).hasSize(12);
    }

    @Test
    void verbatimPassagesAreTheSourceText() {
        int checked = 0;
        for (EvalCase c : cases) {
            for (TruthPassage t : c.truth()) {
                assertThat(t.suspFrom()).isLessThan(t.suspTo());
                if (t.obfuscation() == Obfuscation.NONE && !t.quotedAndCited()) {
                    assertThat(susp(c, t)).as(c.id()).isEqualTo(src(c, t));
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void synonymPassagesSwapWordsForTheirSynonymsOnly() {
        int words = 0;
        int swapped = 0;
        for (EvalCase c : cases) {
            for (TruthPassage t : c.truth()) {
                if (t.obfuscation() != Obfuscation.SYNONYM) {
                    continue;
                }
                String[] a = src(c, t).split("\\s+");
                String[] b = susp(c, t).split("\\s+");
                assertThat(b).as(c.id()).hasSameSizeAs(a);
                for (int i = 0; i < a.length; i++) {
                    String from = Obfuscator.core(a[i]).toLowerCase(Locale.ROOT);
                    String to = Obfuscator.core(b[i]).toLowerCase(Locale.ROOT);
                    if (!from.equals(to)) {
                        assertThat(to).as(c.id() + ": " + from).isEqualTo(Obfuscator.synonymOf(from));
                        swapped++;
                    }
                    words++;
                }
            }
        }
        assertThat(words).isPositive();
        assertThat((double) swapped / words).as("share of words swapped").isGreaterThan(0.2);
        assertThat(Obfuscator.synonymPairs()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void reorderedPassagesHoldTheSameWordsInAnotherOrder() {
        int checked = 0;
        for (EvalCase c : cases) {
            for (TruthPassage t : c.truth()) {
                if (t.obfuscation() == Obfuscation.REORDER) {
                    List<String> a = words(src(c, t));
                    List<String> b = words(susp(c, t));
                    assertThat(b).as(c.id()).isNotEqualTo(a).containsExactlyInAnyOrderElementsOf(a);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void randomOperationsChangeTenToThirtyPercentOfTheWords() {
        int checked = 0;
        for (EvalCase c : cases) {
            for (TruthPassage t : c.truth()) {
                if (t.obfuscation() == Obfuscation.RANDOM) {
                    List<String> a = words(src(c, t));
                    List<String> b = words(susp(c, t));
                    int common = lcs(a, b);
                    double lost = (double) (a.size() - common) / a.size();
                    double edits = (double) (a.size() + b.size() - 2 * common) / a.size();
                    assertThat(lost).as(c.id()).isLessThanOrEqualTo(0.31);
                    assertThat(edits).as(c.id()).isBetween(0.05, 0.62);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
        Random rnd = new Random(5);
        Obfuscator.Passage p = new Obfuscator.Passage(List.of(""), List.of("one two three four five six seven eight nine ten ".repeat(20).trim()), List.of(true));
        for (double rate = 0.10; rate <= 0.30; rate += 0.05) {
            Obfuscator.RandomOps ops = Obfuscator.randomOperations(p, rate, rnd);
            assertThat((double) ops.operations() / ops.words()).isBetween(0.10 - 0.005, 0.30 + 0.005);
        }
    }

    @Test
    void quotedPassagesAreQuotedVerbatimAndCiteAReferenceToTheirSource() {
        // after the last word: perhaps the end of the source's own citation, the full stop, the closing mark, the citation
        Pattern inlineCitation = Pattern.compile("^]?[.?:][\u201d\"] ?\\[(\\d+)]");
        Pattern blockCitation = Pattern.compile("^]?[.?:] \\[(\\d+)]");
        int quoted = 0;
        for (EvalCase c : cases) {
            String text = c.suspicious();
            String refs = text.substring(text.indexOf("\n## References\n"));
            for (TruthPassage t : c.truth()) {
                if (!t.quotedAndCited()) {
                    continue;
                }
                quoted++;
                assertThat(t.obfuscation()).isEqualTo(Obfuscation.NONE);
                assertThat(susp(c, t).replace("\n>\n> ", " ")).as(c.id()).isEqualTo(src(c, t));
                String before = text.substring(t.suspFrom() - 2, t.suspFrom());
                boolean blockQuote = before.equals("> ");
                assertThat(blockQuote || before.endsWith("\u201c") || before.endsWith("\"")).as(c.id() + " opens a quotation").isTrue();
                String after = text.substring(t.suspTo(), Math.min(text.length(), t.suspTo() + 12));
                Matcher m = (blockQuote ? blockCitation : inlineCitation).matcher(after);
                assertThat(m.find()).as(c.id() + " cites after the quotation: " + after).isTrue();
                String title = source(c, t).lines().findFirst().orElseThrow().substring(2);
                assertThat(refs).as(c.id()).contains("\n" + m.group(1) + ". ");
                String entry = refs.lines().filter(l -> l.startsWith(m.group(1) + ". ")).findFirst().orElseThrow();
                assertThat(entry).contains(title);
            }
        }
        assertThat(quoted).isGreaterThan(5);
    }

    @Test
    void outsideTheTruthNoTextSharesAnEightWordRunWithASource() {
        BaselineDetector baseline = new BaselineDetector();
        for (EvalCase c : cases) {
            for (Detection d : baseline.detect(c).detections()) {
                boolean onTruth = c.truth().stream().anyMatch(t -> d.suspFrom() < t.suspTo() && t.suspFrom() < d.suspTo());
                assertThat(onTruth).as(c.id() + " " + d).isTrue();
            }
            if (c.truth().isEmpty()) {
                assertThat(baseline.detect(c).flagged()).as(c.id()).isFalse();
            }
        }
    }

    @Test
    void theBaselineFindsVerbatimReuseAndFlagsEveryReuseCase() {
        BaselineDetector baseline = new BaselineDetector();
        EnumSet<Obfuscation> found = EnumSet.noneOf(Obfuscation.class);
        for (EvalCase c : cases) {
            if (c.hasReuse()) {
                assertThat(baseline.detect(c).flagged()).as(c.id()).isTrue();
            }
            for (TruthPassage t : c.truth()) {
                if (t.obfuscation() == Obfuscation.NONE && !t.quotedAndCited()) {
                    // found whole (a detection may run on where the texts happen to go on alike)
                    assertThat(baseline.detect(c).detections()).anyMatch(d -> d.sourceId().equals(t.sourceId())
                            && d.suspFrom() <= t.suspFrom() && d.suspTo() >= t.suspTo()
                            && d.srcFrom() <= t.srcFrom() && d.srcTo() >= t.srcTo());
                    found.add(t.obfuscation());
                }
            }
        }
        assertThat(found).contains(Obfuscation.NONE);
    }

    private static int lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        for (String x : a) {
            int[] cur = new int[b.size() + 1];
            for (int j = 0; j < b.size(); j++) {
                cur[j + 1] = x.equals(b.get(j)) ? prev[j] + 1 : Math.max(prev[j + 1], cur[j]);
            }
            prev = cur;
        }
        return prev[b.size()];
    }
}
