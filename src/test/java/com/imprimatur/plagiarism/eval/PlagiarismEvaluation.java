package com.imprimatur.plagiarism.eval;

/** Runs a detector over generated cases and prints PAN's measures. */
public final class PlagiarismEvaluation {

    private PlagiarismEvaluation() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not yet");
    }
}
