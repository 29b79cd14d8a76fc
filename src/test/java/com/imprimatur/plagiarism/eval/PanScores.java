package com.imprimatur.plagiarism.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Scores verdicts against the truth with the measures of the PAN plagiarism-detection competitions
 * (Potthast, Stein, Barrón-Cedeño, Rosso 2010), at character level.
 *
 * <p>A passage s and a detection r are each a set of characters: their span in the suspicious text
 * plus their span in the source. r <em>detects</em> s when both are in the same case and name the same
 * source, and their spans overlap in the suspicious text and in the source. Then
 * <ul>
 * <li>precision = mean over detections r of |r ∩ (passages r detects)| / |r|;</li>
 * <li>recall = mean over passages s of |s ∩ (detections that detect s)| / |s|;</li>
 * <li>granularity = mean number of detections per detected passage (1 = each found in one piece);</li>
 * <li>plagdet = F1 / log2(1 + granularity).</li>
 * </ul>
 * With neither passages nor detections precision and recall are 1; with only one of them, 0 (as PAN's
 * own scorer). Quoted-and-cited passages are not plagiarism: they are not passages here, and a
 * detection on one detects nothing, so it lowers precision.
 *
 * <p>Subsets (an obfuscation, a length band) take the passages of that kind and the detections in
 * the same cases that detect one of them or detect nothing at all; "ALL" takes every detection.
 */
public final class PanScores {

    private PanScores() {
    }

    public static Scores score(List<EvalCase> cases, Map<String, Verdict> verdictsByCaseId) {
        List<Scored> scored = new ArrayList<>();
        for (EvalCase c : cases) {
            Verdict verdict = verdictsByCaseId.getOrDefault(c.id(), new Verdict(false, List.of()));
            scored.add(new Scored(c, verdict));
        }
        Map<String, Scores.Measures> byObfuscation = new LinkedHashMap<>();
        for (Obfuscation o : Obfuscation.values()) {
            byObfuscation.put(o.name(), measure(scored, p -> p.obfuscation() == o, false));
        }
        byObfuscation.put(Scores.ALL, measure(scored, p -> true, true));
        Map<TruthPassage, LengthBand> bands = bands(cases);
        Map<String, Scores.Measures> byLength = new LinkedHashMap<>();
        for (LengthBand band : LengthBand.values()) {
            byLength.put(band.label, measure(scored, p -> bands.get(p) == band, false));
        }
        return new Scores(byObfuscation, byLength, flags(scored));
    }

    /** Each passage's band, by the words of its source passage. */
    private static Map<TruthPassage, LengthBand> bands(List<EvalCase> cases) {
        Map<TruthPassage, LengthBand> bands = new IdentityHashMap<>();
        for (EvalCase c : cases) {
            Map<String, String> texts = new HashMap<>();
            c.sources().forEach(source -> texts.put(source.id(), source.text()));
            for (TruthPassage p : c.truth()) {
                String text = texts.getOrDefault(p.sourceId(), "");
                int from = Math.max(0, Math.min(p.srcFrom(), text.length()));
                int to = Math.max(from, Math.min(p.srcTo(), text.length()));
                bands.put(p, LengthBand.of(LengthBand.words(text.subSequence(from, to))));
            }
        }
        return bands;
    }

    private static Scores.Measures measure(List<Scored> scored, Predicate<TruthPassage> kind, boolean everyDetection) {
        List<Span> passages = new ArrayList<>();
        List<Span> detections = new ArrayList<>();
        int caseCount = 0;
        for (Scored s : scored) {
            List<Span> own = new ArrayList<>();
            List<Span> other = new ArrayList<>();
            for (TruthPassage p : s.c.truth()) {
                if (p.quotedAndCited()) {
                    continue;
                }
                Span span = new Span(s.c.id(), p.sourceId(), p.suspFrom(), p.suspTo(), p.srcFrom(), p.srcTo());
                (kind.test(p) ? own : other).add(span);
            }
            if (!everyDetection && own.isEmpty()) {
                continue;
            }
            caseCount++;
            passages.addAll(own);
            for (Detection d : s.verdict.detections()) {
                Span r = new Span(s.c.id(), d.sourceId(), d.suspFrom(), d.suspTo(), d.srcFrom(), d.srcTo());
                boolean detectsOwn = own.stream().anyMatch(r::detects);
                boolean detectsOther = other.stream().anyMatch(r::detects);
                if (everyDetection || detectsOwn || !detectsOther) {
                    detections.add(r);
                }
            }
        }
        return measures(passages, detections, caseCount);
    }

    /** PAN's measures of one set of passages against one set of detections. */
    static Scores.Measures measures(List<Span> passages, List<Span> detections, int caseCount) {
        double precision = macroAverage(detections, passages);
        double recall = macroAverage(passages, detections);
        int detected = 0;
        int pieces = 0;
        for (Span s : passages) {
            long n = detections.stream().filter(r -> r.detects(s)).count();
            if (n > 0) {
                detected++;
                pieces += (int) n;
            }
        }
        double granularity = detected == 0 ? 1.0 : (double) pieces / detected;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double plagdet = f1 / (Math.log(1 + granularity) / Math.log(2));
        return new Scores.Measures(precision, recall, granularity, plagdet, caseCount, passages.size(), detections.size());
    }

    /** Mean over {@code xs} of the share of each x's characters covered by the {@code ys} that detect it. */
    private static double macroAverage(List<Span> xs, List<Span> ys) {
        if (xs.isEmpty() && ys.isEmpty()) {
            return 1;
        }
        if (xs.isEmpty() || ys.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Span x : xs) {
            List<int[]> susp = new ArrayList<>();
            List<int[]> src = new ArrayList<>();
            for (Span y : ys) {
                if (x.detects(y)) {
                    susp.add(new int[] {Math.max(x.suspFrom, y.suspFrom), Math.min(x.suspTo, y.suspTo)});
                    src.add(new int[] {Math.max(x.srcFrom, y.srcFrom), Math.min(x.srcTo, y.srcTo)});
                }
            }
            sum += (double) (unionLength(susp) + unionLength(src)) / x.size();
        }
        return sum / xs.size();
    }

    static long unionLength(List<int[]> intervals) {
        intervals.sort(Comparator.comparingInt(a -> a[0]));
        long total = 0;
        int end = Integer.MIN_VALUE;
        for (int[] iv : intervals) {
            int from = Math.max(iv[0], end);
            if (iv[1] > from) {
                total += iv[1] - from;
            }
            end = Math.max(end, iv[1]);
        }
        return total;
    }

    private static Scores.Flags flags(List<Scored> scored) {
        int reuse = 0;
        int flaggedReuse = 0;
        int noReuse = 0;
        int flaggedNoReuse = 0;
        int quoted = 0;
        int quotedDetected = 0;
        int quotedOnlyFlagged = 0;
        for (Scored s : scored) {
            boolean flagged = s.verdict.flagged();
            if (s.c.hasReuse()) {
                reuse++;
                flaggedReuse += flagged ? 1 : 0;
            } else {
                noReuse++;
                flaggedNoReuse += flagged ? 1 : 0;
                quotedOnlyFlagged += flagged && !s.c.truth().isEmpty() ? 1 : 0;
            }
            for (TruthPassage p : s.c.truth()) {
                if (p.quotedAndCited()) {
                    quoted++;
                    boolean hit = s.verdict.detections().stream()
                            .anyMatch(d -> d.suspFrom() < p.suspTo() && p.suspFrom() < d.suspTo());
                    quotedDetected += hit ? 1 : 0;
                }
            }
        }
        int flaggedAll = flaggedReuse + flaggedNoReuse;
        return new Scores.Flags(reuse, flaggedReuse, noReuse, flaggedNoReuse,
                flaggedAll == 0 ? 1.0 : (double) flaggedReuse / flaggedAll,
                reuse == 0 ? 1.0 : (double) flaggedReuse / reuse,
                noReuse == 0 ? 0.0 : (double) flaggedNoReuse / noReuse,
                quoted, quotedDetected, quotedOnlyFlagged);
    }

    private record Scored(EvalCase c, Verdict verdict) {
    }

    /** A passage or a detection as two character spans, in one case and one source. */
    record Span(String caseId, String sourceId, int suspFrom, int suspTo, int srcFrom, int srcTo) {

        boolean detects(Span other) {
            return caseId.equals(other.caseId) && sourceId.equals(other.sourceId)
                    && suspFrom < other.suspTo && other.suspFrom < suspTo
                    && srcFrom < other.srcTo && other.srcFrom < srcTo;
        }

        int size() {
            return (suspTo - suspFrom) + (srcTo - srcFrom);
        }
    }
}
