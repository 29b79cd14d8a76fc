package com.imprimatur.plagiarism.eval;

import com.imprimatur.plagiarism.InMemoryEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation's view of our engine: each case's suspicious text against its sources, through the
 * same normalisation, fingerprints, alignment and policy as the application (without the MariaDB
 * index, which only chooses candidates). Quoted-and-cited passages are not reported as detections:
 * the engine lists them but they are not plagiarism.
 */
public class EngineDetector implements Detector {

    private final InMemoryEngine engine = InMemoryEngine.fromSystemProperties();

    @Override
    public Verdict detect(EvalCase c) {
        Map<String, String> sources = new LinkedHashMap<>();
        c.sources().forEach(s -> sources.put(s.id(), s.text()));
        InMemoryEngine.Outcome outcome = engine.check(c.suspicious(), sources);
        List<Detection> detections = outcome.passages().stream().filter(p -> !p.quoted())
                .map(p -> new Detection(p.sourceId(), p.suspFrom(), p.suspTo(), p.srcFrom(), p.srcTo())).toList();
        return new Verdict(outcome.flagged(), detections);
    }

    @Override
    public String toString() {
        return "EngineDetector(" + engine.describe() + ")";
    }
}
