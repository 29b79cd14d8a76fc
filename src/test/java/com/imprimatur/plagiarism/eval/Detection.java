package com.imprimatur.plagiarism.eval;

/** A passage a detector reports: [suspFrom, suspTo) of the suspicious text from [srcFrom, srcTo) of a source. */
public record Detection(String sourceId, int suspFrom, int suspTo, int srcFrom, int srcTo) {
}
