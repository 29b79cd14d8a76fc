package com.imprimatur.plagiarism.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive baseline: every maximal run of at least 8 identical words (letters and digits, lower
 * case) that the suspicious text shares with a source is a detection; any detection flags. It skips
 * the reference lists and nothing else: it knows no quotations, merges no neighbouring runs and
 * tolerates no edits, so the engine has something to beat.
 */
public class BaselineDetector implements Detector {

    static final int RUN = 8;

    @Override
    public Verdict detect(EvalCase c) {
        List<Word> susp = Word.of(c.suspicious(), Article.bodyEnd(c.suspicious()));
        List<Detection> detections = new ArrayList<>();
        for (EvalSource source : c.sources()) {
            List<Word> src = Word.of(source.text(), Article.bodyEnd(source.text()));
            Map<String, List<Integer>> runs = new HashMap<>();
            for (int s = 0; s + RUN <= src.size(); s++) {
                runs.computeIfAbsent(Word.run(src, s, RUN), k -> new ArrayList<>(1)).add(s);
            }
            int t = 0;
            while (t + RUN <= susp.size()) {
                List<Integer> starts = runs.get(Word.run(susp, t, RUN));
                if (starts == null) {
                    t++;
                    continue;
                }
                int bestStart = -1;
                int bestLength = 0;
                for (int s : starts) {
                    int length = RUN;
                    while (t + length < susp.size() && s + length < src.size()
                            && susp.get(t + length).norm().equals(src.get(s + length).norm())) {
                        length++;
                    }
                    if (length > bestLength) {
                        bestStart = s;
                        bestLength = length;
                    }
                }
                detections.add(new Detection(source.id(), susp.get(t).start(), susp.get(t + bestLength - 1).end(),
                        src.get(bestStart).start(), src.get(bestStart + bestLength - 1).end()));
                t += bestLength;
            }
        }
        return new Verdict(!detections.isEmpty(), detections);
    }
}
