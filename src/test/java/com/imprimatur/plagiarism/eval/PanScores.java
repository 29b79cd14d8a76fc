package com.imprimatur.plagiarism.eval;

import java.util.List;
import java.util.Map;

/** Scores verdicts against the truth with PAN's measures. */
public final class PanScores {

    private PanScores() {
    }

    public static Scores score(List<EvalCase> cases, Map<String, Verdict> verdictsByCaseId) {
        throw new UnsupportedOperationException("not yet");
    }
}
