package com.imprimatur.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What a writer submits: the body of {@code POST /api/articles} and {@code POST /api/articles/{id}/revisions}. */
public record RevisionContent(
        @NotBlank(message = "a title is required") @Size(max = 300) String title,
        @NotBlank(message = "a summary is required") @Size(max = 2000) String summary,
        @NotBlank(message = "a body is required") @Size(max = 1_000_000, message = "the body may hold at most 1,000,000 characters") String body,
        @NotEmpty(message = "cite at least one source") @Size(max = 500) List<@Valid @NotNull Source> references,
        @Size(max = 4000) String disclosure,
        @Size(max = 2000) String changeNote) {

    /**
     * One cited source. The identifiers are kept as the writer gave them: the fact-check report
     * normalises and validates them, so a malformed one is a finding there, not a refused submission.
     */
    public record Source(
            @NotBlank(message = "a citation is required") @Size(max = 2000) String citation,
            @Size(max = 255) String doi,
            @Size(max = 32) String pmid,
            @Size(max = 2000) String url,
            @Size(max = 32) String pmcid,
            @Size(max = 32) String issn) {

        public Source(String citation, String doi, String pmid, String url) {
            this(citation, doi, pmid, url, null, null);
        }
    }

    /** SHA-256 over a length-prefixed rendering of every field, so no two contents share a digest by concatenation. */
    String sha256() {
        StringBuilder canonical = new StringBuilder();
        field(canonical, title);
        field(canonical, summary);
        field(canonical, body);
        field(canonical, disclosure);
        field(canonical, changeNote);
        for (Source source : references) {
            field(canonical, source.citation());
            field(canonical, source.doi());
            field(canonical, source.pmid());
            field(canonical, source.url());
            if (source.pmcid() != null || source.issn() != null) {
                // '+' never starts a field, so sources without these digest as they did before the fields existed
                canonical.append('+');
                field(canonical, source.pmcid());
                field(canonical, source.issn());
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-1:");
        } else {
            out.append(value.length()).append(':').append(value);
        }
    }
}
