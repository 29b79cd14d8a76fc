package com.imprimatur.plagiarism.eval;

import com.imprimatur.plagiarism.InMemoryEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How k, t and the alignment's thresholds were chosen (README, Plagiarism check): the engine over
 * the same generated cases under several settings, one line each. Skipped unless
 * {@code -Dplagiarism.sweep=true}; run with
 * {@code ./mvnw -B -Pplagiarism-eval test -Dtest=ParameterSweep -Dplagiarism.sweep=true}.
 * {@code plagiarism.sweep.configs} lists settings as k:w:gap:chainFragments:chainWords, comma separated;
 * k is the alignment's seed k-gram, w only shows t = k + w - 1 (the index keeps the defaults: the
 * evaluation aligns every source of a case, so the index's k and w do not change its figures).
 */
@EnabledIfSystemProperty(named = "plagiarism.sweep", matches = "true")
class ParameterSweep {

    private int dumped;

    @Test
    void sweep() {
        List<EvalCase> cases = CaseGenerator.generate(Long.getLong("plagiarism.eval.seed", 1L),
                Integer.getInteger("plagiarism.eval.cases", 400));
        String configs = System.getProperty("plagiarism.sweep.configs",
                "3:6:20:3:15,4:5:20:3:15,5:4:20:3:15,6:3:20:3:15,4:5:10:3:15,4:5:30:3:15,4:5:20:2:12,4:5:20:4:20");
        System.out.println("| k | w | t | gap | chain | precision | recall | granularity | plagdet | NONE rec | RANDOM rec"
                + " | SYNONYM rec | REORDER rec | flag precision | no-reuse flagged | ms/case |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String config : configs.split(",")) {
            int[] v = java.util.Arrays.stream(config.split(":")).mapToInt(Integer::parseInt).toArray();
            InMemoryEngine engine = new InMemoryEngine(v[0], v[2], v[3], v[4], 8, 15.0);
            Map<String, Verdict> verdicts = new HashMap<>();
            long started = System.nanoTime();
            for (EvalCase c : cases) {
                Map<String, String> sources = new java.util.LinkedHashMap<>();
                c.sources().forEach(s -> sources.put(s.id(), s.text()));
                InMemoryEngine.Outcome o = engine.check(c.suspicious(), sources);
                if (Boolean.getBoolean("plagiarism.sweep.stats")) {
                    for (InMemoryEngine.Passage p : o.passages()) {
                        boolean real = c.truth().stream().anyMatch(t -> !t.quotedAndCited() && t.sourceId().equals(p.sourceId())
                                && t.suspFrom() < p.suspTo() && p.suspFrom() < t.suspTo());
                        System.out.println("STAT " + (real ? "T" : "F") + " " + p.words() + " " + p.matchedWords() + " " + p.fragments()
                                + " " + (p.quoted() ? "q" : "-") + " " + (p.strong() ? "S" : "W"));
                        if (!real && p.strong() && dumped++ < 6) {
                            System.out.println("FS " + c.id() + " " + p + " truth=" + c.truth() + "\n  S: "
                                    + c.suspicious().substring(Math.max(0, p.suspFrom() - 80), p.suspFrom()) + " >>>"
                                    + c.suspicious().substring(p.suspFrom(), p.suspTo()) + "<<<\n  C: "
                                    + sources.get(p.sourceId()).substring(p.srcFrom(), p.srcTo()));
                        }
                    }
                }
                if (Boolean.getBoolean("plagiarism.sweep.misses")) {
                    for (TruthPassage t : c.truth()) {
                        if (t.obfuscation() != Obfuscation.NONE || t.quotedAndCited()) {
                            continue;
                        }
                        java.util.BitSet covered = new java.util.BitSet();
                        o.passages().stream().filter(p -> !p.quoted() && p.sourceId().equals(t.sourceId()))
                                .forEach(p -> covered.set(p.suspFrom(), p.suspTo()));
                        int missing = (t.suspTo() - t.suspFrom()) - covered.get(t.suspFrom(), t.suspTo()).cardinality();
                        if (missing > 0) {
                            int first = covered.nextClearBit(t.suspFrom());
                            System.out.println("MISS " + c.id() + " " + missing + " chars, first at " + first + ": ["
                                    + c.suspicious().substring(Math.max(t.suspFrom(), first - 30), Math.min(t.suspTo(), first + 40)).replace("\n", "\\n")
                                    + "] truth " + t.suspFrom() + "-" + t.suspTo());
                        }
                    }
                }
                if (Boolean.getBoolean("plagiarism.sweep.dump") && c.truth().isEmpty() && o.flagged() && dumped++ < 3) {
                    for (InMemoryEngine.Passage p : o.passages()) {
                        System.out.println("CASE " + c.id() + " " + p + "\n  S: " + c.suspicious().substring(p.suspFrom(), p.suspTo())
                                + "\n  C: " + sources.get(p.sourceId()).substring(p.srcFrom(), p.srcTo()));
                    }
                }
                verdicts.put(c.id(), new Verdict(o.flagged(), o.passages().stream().filter(p -> !p.quoted())
                        .map(p -> new Detection(p.sourceId(), p.suspFrom(), p.suspTo(), p.srcFrom(), p.srcTo())).toList()));
            }
            double ms = (System.nanoTime() - started) / 1e6 / cases.size();
            Scores s = PanScores.score(cases, verdicts);
            Scores.Measures all = s.byObfuscation().get(Scores.ALL);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d/%d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d/%d | %.1f |%n",
                    v[0], v[1], v[0] + v[1] - 1, v[2], v[3], v[4], all.precision(), all.recall(), all.granularity(), all.plagdet(),
                    s.byObfuscation().get("NONE").recall(), s.byObfuscation().get("RANDOM").recall(),
                    s.byObfuscation().get("SYNONYM").recall(), s.byObfuscation().get("REORDER").recall(),
                    s.flags().flagPrecision(), s.flags().flaggedNoReuseCases(), s.flags().noReuseCases(), ms);
        }
    }
}
