package com.imprimatur.plagiarism.eval;

/** How a reused source passage was disguised before it went into the suspicious text. */
public enum Obfuscation {
    /** Copied verbatim. */
    NONE,
    /** 10–30 % of the words shuffled, deleted, inserted or replaced. */
    RANDOM,
    /** Words replaced by synonyms from the generator's own table. */
    SYNONYM,
    /** The passage's sentences put in another order. */
    REORDER
}
