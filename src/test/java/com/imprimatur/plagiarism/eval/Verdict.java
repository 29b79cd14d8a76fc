package com.imprimatur.plagiarism.eval;

import java.util.List;

/**
 * What a detector says about one case: whether it flags, and the passages it reports as reuse.
 * Quoted-and-cited passages a detector recognises belong in neither.
 */
public record Verdict(boolean flagged, List<Detection> detections) {

    public Verdict {
        detections = List.copyOf(detections);
    }
}
