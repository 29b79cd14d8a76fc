package com.imprimatur.plagiarism.eval;

import java.util.List;

/** Generates labelled evaluation cases, deterministically for a seed. */
public final class CaseGenerator {

    private CaseGenerator() {
    }

    public static List<EvalCase> generate(long seed, int cases) {
        throw new UnsupportedOperationException("not yet");
    }
}
