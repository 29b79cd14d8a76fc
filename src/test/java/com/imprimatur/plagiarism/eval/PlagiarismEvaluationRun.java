package com.imprimatur.plagiarism.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link PlagiarismEvaluation} from Maven: {@code ./mvnw -B -Pplagiarism-eval test}. Not part of
 * the normal build (its name does not end in Test, and it is skipped without -Dplagiarism.eval=true,
 * which the profile sets). It asserts nothing: the figures are the result.
 */
@EnabledIfSystemProperty(named = "plagiarism.eval", matches = "true")
class PlagiarismEvaluationRun {

    @Test
    void evaluate() throws Exception {
        PlagiarismEvaluation.main(new String[0]);
    }
}
