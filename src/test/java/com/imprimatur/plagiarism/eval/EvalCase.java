package com.imprimatur.plagiarism.eval;

import java.util.List;

/**
 * One labelled case: a suspicious text, the sources it may have reused, and the truth. A case is a
 * no-reuse case when it has no truth passage that is not {@code quotedAndCited}; an empty truth
 * is the plain form of it.
 */
public record EvalCase(String id, String suspicious, List<EvalSource> sources, List<TruthPassage> truth) {

    public EvalCase {
        sources = List.copyOf(sources);
        truth = List.copyOf(truth);
    }

    /** True when some passage is reused without being quoted and cited, i.e. the case should flag. */
    public boolean hasReuse() {
        return truth.stream().anyMatch(t -> !t.quotedAndCited());
    }
}
