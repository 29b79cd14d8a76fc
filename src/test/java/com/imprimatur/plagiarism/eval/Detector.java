package com.imprimatur.plagiarism.eval;

/** A plagiarism detector under evaluation. Implementations need a public no-argument constructor. */
public interface Detector {

    Verdict detect(EvalCase c);
}
