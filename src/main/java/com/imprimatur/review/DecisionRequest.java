package com.imprimatur.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/tasks/{id}/complete}. */
public record DecisionRequest(
        @NotBlank(message = "a decision is required") @Size(max = 32) String decision,
        @Size(max = 8000) String comment,
        @Size(max = 500) List<@Valid @NotNull ReferenceVerdictRequest> referenceVerdicts,
        Instant publishAt) {

    public record ReferenceVerdictRequest(
            @NotNull @Positive Integer reference,
            @NotNull Verdict verdict,
            @Size(max = 2000) String note) {
    }
}
