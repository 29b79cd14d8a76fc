package com.imprimatur.article;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/** One revision in full, as other modules and API callers see it. */
public record RevisionView(@JsonIgnore long id, long articleId, int number, String title, String summary, String body,
        String disclosure, String changeNote, List<ReferenceView> references, List<String> authors, String createdBy,
        Instant createdAt, String sha256) {

    public boolean authoredBy(String username) {
        return authors.contains(username);
    }
}
