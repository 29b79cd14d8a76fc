package com.imprimatur.plagiarism;

import java.time.Instant;

/** A registered source as the API returns it (its text is not echoed back). */
public record SourceView(long id, String title, String url, int words, int fingerprints, String createdBy,
        Instant createdAt) {
}
