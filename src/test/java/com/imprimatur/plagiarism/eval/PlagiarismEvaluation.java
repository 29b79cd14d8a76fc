package com.imprimatur.plagiarism.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a detector over generated cases, prints PAN's measures per obfuscation and passage length,
 * the case-level flag figures and the baseline beside them, and writes
 * {@code target/plagiarism-eval.json}.
 *
 * <p>System properties: {@code plagiarism.detector} (a {@link Detector} class with a no-argument
 * constructor; default {@value #ENGINE}, and the {@link BaselineDetector} when that class is absent),
 * {@code plagiarism.eval.cases} (default 400), {@code plagiarism.eval.seed} (default 1),
 * {@code plagiarism.eval.out} (default {@code target/plagiarism-eval.json}).
 */
public final class PlagiarismEvaluation {

    static final String ENGINE = "com.imprimatur.plagiarism.eval.EngineDetector";

    private PlagiarismEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        int caseCount = Integer.getInteger("plagiarism.eval.cases", 400);
        long seed = Long.getLong("plagiarism.eval.seed", 1L);
        String wanted = System.getProperty("plagiarism.detector", ENGINE);
        Path json = Path.of(System.getProperty("plagiarism.eval.out", "target/plagiarism-eval.json"));

        Detector detector = load(wanted, out);
        long start = System.nanoTime();
        List<EvalCase> cases = CaseGenerator.generate(seed, caseCount);
        double generatedMs = (System.nanoTime() - start) / 1e6;

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cases", caseCount);
        report.put("seed", seed);
        report.put("generatedMs", Math.round(generatedMs));
        Run main = run(detector, cases);
        out.printf(Locale.ROOT, "%n%d cases (seed %d) generated in %.0f ms; detector %s%n",
                caseCount, seed, generatedMs, detector.getClass().getName());
        print(main, out);
        report.put("detector", main.toJson());
        if (!(detector instanceof BaselineDetector)) {
            Run baseline = run(new BaselineDetector(), cases);
            out.printf(Locale.ROOT, "%nFor comparison, the naive baseline (exact 8-word runs) on the same cases:%n");
            print(baseline, out);
            report.put("baseline", baseline.toJson());
        }
        Files.createDirectories(json.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        out.printf("%nWrote %s%n", json);
    }

    private static Detector load(String className, PrintStream out) throws ReflectiveOperationException {
        try {
            Class<?> type = Class.forName(className);
            return (Detector) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            if (!className.equals(ENGINE)) {
                throw e;
            }
            String line = "!".repeat(78);
            out.println(line);
            out.println("!!! " + ENGINE + " is not on the class path.");
            out.println("!!! FALLING BACK TO THE NAIVE BaselineDetector: these are NOT the engine's figures.");
            out.println(line);
            return new BaselineDetector();
        }
    }

    /** One detector's verdicts on the cases, with its scores and timing. */
    private record Run(String detector, Scores scores, int errors, double meanMs, double p95Ms) {

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", detector);
            m.put("errors", errors);
            m.put("meanMsPerCase", meanMs);
            m.put("p95MsPerCase", p95Ms);
            m.put("byObfuscation", scores.byObfuscation());
            m.put("byLength", scores.byLength());
            m.put("flags", scores.flags());
            return m;
        }
    }

    private static Run run(Detector detector, List<EvalCase> cases) {
        Map<String, Verdict> verdicts = new HashMap<>();
        double[] ms = new double[cases.size()];
        int errors = 0;
        for (int i = 0; i < cases.size(); i++) {
            EvalCase c = cases.get(i);
            long t0 = System.nanoTime();
            try {
                // the detector sees the case without its truth
                verdicts.put(c.id(), detector.detect(new EvalCase(c.id(), c.suspicious(), c.sources(), List.of())));
            } catch (RuntimeException e) {
                errors++;
                if (errors <= 3) {
                    System.out.println("detector failed on " + c.id() + ": " + e);
                }
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(ms).average().orElse(0);
        double p95 = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)];
        return new Run(detector.getClass().getName(), PanScores.score(cases, verdicts), errors, mean, p95);
    }

    private static void print(Run run, PrintStream out) {
        if (run.errors() > 0) {
            out.printf("!!! the detector threw on %d cases (counted as no verdict)%n", run.errors());
        }
        out.printf(Locale.ROOT, "%-10s %6s %9s %10s %9s %7s %11s %8s%n",
                "subset", "cases", "passages", "detections", "precision", "recall", "granularity", "plagdet");
        List<Map.Entry<String, Scores.Measures>> rows = new ArrayList<>(run.scores().byObfuscation().entrySet());
        rows.addAll(run.scores().byLength().entrySet());
        for (Map.Entry<String, Scores.Measures> row : rows) {
            Scores.Measures m = row.getValue();
            out.printf(Locale.ROOT, "%-10s %6d %9d %10d %9.3f %7.3f %11.3f %8.3f%n", row.getKey(), m.cases(),
                    m.passages(), m.detections(), m.precision(), m.recall(), m.granularity(), m.plagdet());
        }
        Scores.Flags f = run.scores().flags();
        out.printf(Locale.ROOT, "flags: reuse cases %d, flagged %d (recall %.3f); no-reuse cases %d, flagged %d "
                + "(false-positive rate %.3f); flag precision %.3f%n", f.reuseCases(), f.flaggedReuseCases(),
                f.flagRecall(), f.noReuseCases(), f.flaggedNoReuseCases(), f.falsePositiveRate(), f.flagPrecision());
        out.printf(Locale.ROOT, "quoted-and-cited passages %d, detected %d; quoted-only cases flagged %d%n",
                f.quotedPassages(), f.quotedPassagesDetected(), f.quotedOnlyCasesFlagged());
        Map<String, Scores.Measures> o = run.scores().byObfuscation();
        out.printf(Locale.ROOT, "targets: verbatim recall 1.0 [%s], random-ops recall >= 0.8 [%s], plagdet over all >= 0.8 [%s], "
                + "no-reuse not flagged [%s], flag precision >= 0.98 [%s]; %.1f ms per case (p95 %.1f)%n",
                met(o.get("NONE").recall() >= 0.9995), met(o.get("RANDOM").recall() >= 0.8),
                met(o.get(Scores.ALL).plagdet() >= 0.8), met(f.flaggedNoReuseCases() == 0),
                met(f.flagPrecision() >= 0.98), run.meanMs(), run.p95Ms());
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }
}
