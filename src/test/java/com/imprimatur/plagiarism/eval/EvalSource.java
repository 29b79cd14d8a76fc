package com.imprimatur.plagiarism.eval;

/** A source text that a suspicious text may have reused. */
public record EvalSource(String id, String text) {
}
