package com.imprimatur.article;

import java.time.Instant;

/** An article's live revision with its publication dates and reviewing physician. */
public record PublishedArticle(long articleId, String slug, RevisionView revision, Instant datePublished,
        Instant dateModified, Instant lastReviewed, String reviewedBy) {
}
