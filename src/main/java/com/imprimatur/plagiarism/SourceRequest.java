package com.imprimatur.plagiarism;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/sources}: a title, where it comes from, and its full text (at most 1,000,000 characters). */
record SourceRequest(
        @NotBlank @Size(max = 500) String title,
        @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL") String url,
        @NotBlank @Size(max = 1_000_000) String text) {
}
