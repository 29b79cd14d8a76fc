package com.imprimatur.factcheck;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * The automatic fact-check of one revision: the findings (blocking, warnings, hints), the citations
 * found in the body, each reference with its identifiers, retraction notices and the physician's
 * verdict, and the JAMA benchmark checklist.
 */
public record FactCheckReport(long articleId, int revision, Instant checkedAt, Summary summary,
        List<Finding> findings, List<Citations.Citation> citations, List<ReferenceCheck> references,
        List<JamaItem> jama) {

    public record Summary(int blocking, int warnings, int hints, boolean approvable, boolean publishable) {
    }

    /** One reference: its identifiers as checked, the notices about it, and the physician's latest verdict. */
    public record ReferenceCheck(int number, String citation, List<Identifier> identifiers, int citations,
            List<RetractionNotice> notices, Verdict verdict) {
    }

    public record Identifier(String kind, String given, String normalized, boolean valid) {
    }

    public record Verdict(String verdict, String note, String reviewer, Instant decidedAt) {
    }

    /** One JAMA benchmark (Silberg et al., 1997). */
    public record JamaItem(Benchmark benchmark, Status status, String detail) {
    }

    public enum Benchmark { AUTHORSHIP, ATTRIBUTION, DISCLOSURE, CURRENCY }

    /** PENDING: it cannot pass before the physician approves the revision. */
    public enum Status { PASS, FAIL, PENDING }

    @JsonIgnore
    public List<Finding> blockingFindings() {
        return findings.stream().filter(Finding::blocking).toList();
    }

    @JsonIgnore
    public List<JamaItem> unmetBenchmarks() {
        return jama.stream().filter(i -> i.status() != Status.PASS).toList();
    }
}
