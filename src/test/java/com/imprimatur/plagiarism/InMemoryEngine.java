package com.imprimatur.plagiarism;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's in-memory path (normalise → fingerprint → align → policy) opened to tests outside
 * the package, the evaluation's detector above all. No index: a source is a candidate when it
 * shares a winnowed fingerprint with the checked text, as the index would decide.
 */
public final class InMemoryEngine {

    /** A passage found: character offsets in the checked text and in the source. */
    public record Passage(String sourceId, int suspFrom, int suspTo, int srcFrom, int srcTo, int words, int matchedWords,
            int fragments, boolean strong, boolean quoted) {
    }

    public record Outcome(boolean flagged, double similarityPercent, List<Passage> passages) {
    }

    private final Engine engine;

    /** seedWords: the alignment's k-gram; the index's k and w stay the application's defaults. */
    public InMemoryEngine(int seedWords, int gap, int chainFragments, int chainWords, int minWords, double percent) {
        Engine.Settings d = Engine.Settings.DEFAULT;
        this.engine = new Engine(new Engine.Settings(d.k(), d.w(), seedWords, gap, minWords, chainFragments, chainWords,
                Engine.Settings.DEFAULT.maxOccurrences()), new Engine.Policy(minWords, percent));
    }

    /** The application's defaults, each overridable by a system property (plagiarism.seed, .gap, .chainFragments, .chainWords, .n, .p) for tuning runs. */
    public static InMemoryEngine fromSystemProperties() {
        Engine.Settings d = Engine.Settings.DEFAULT;
        return new InMemoryEngine(Integer.getInteger("plagiarism.seed", d.seedWords()), Integer.getInteger("plagiarism.gap", d.gap()), Integer.getInteger("plagiarism.chainFragments", d.chainFragments()),
                Integer.getInteger("plagiarism.chainWords", d.chainWords()), Integer.getInteger("plagiarism.n", Engine.Policy.DEFAULT.minWords()),
                Double.parseDouble(System.getProperty("plagiarism.p", String.valueOf(Engine.Policy.DEFAULT.percent()))));
    }

    public String describe() {
        Engine.Settings s = engine.settings();
        return "index k=" + s.k() + " w=" + s.w() + " t=" + s.guarantee() + ", seed k=" + s.seedWords() + " gap=" + s.gap() + " chain=" + s.chainFragments()
                + "/" + s.chainWords();
    }

    public Outcome check(String text, Map<String, String> sourcesById) {
        // the evaluation's texts are whole articles ending in "## References", which the application's
        // revision bodies never have (references are a separate field), so the list is left out here
        Engine.Prepared checked = engine.prepareSource(text);
        List<Engine.Candidate<String>> all = new ArrayList<>();
        sourcesById.forEach((id, source) -> all.add(new Engine.Candidate<>(id, engine.prepareSource(source))));
        Engine.Result<String> result = engine.compare(checked, engine.sharingFingerprints(checked, all), new long[0]);
        List<Passage> passages = new ArrayList<>();
        Tokens here = checked.tokens();
        for (Engine.Found<String> f : result.passages()) {
            Alignment.Aligned a = f.passage();
            Tokens there = f.sourceText().tokens();
            passages.add(new Passage(f.source(), here.start(a.sFrom()), here.passageEnd(a.sTo() - 1), there.start(a.cFrom()),
                    there.passageEnd(a.cTo() - 1), a.words(), a.matchedWords(), a.fragments(), a.strong(), a.quoted()));
        }
        return new Outcome(result.flagged(), result.similarityPercent(), passages);
    }
}
