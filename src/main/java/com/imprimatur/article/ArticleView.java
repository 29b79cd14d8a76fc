package com.imprimatur.article;

import java.time.Instant;
import java.util.List;

/** An article's state: status, current and published revision numbers and, in detail, its open cycle and tasks. */
public record ArticleView(long id, String slug, String title, ArticleStatus status, int currentRevision,
        Integer publishedRevision, String createdBy, Instant createdAt, Instant publishedAt, Instant lastReviewed,
        String reviewedBy, ReviewRoute.Cycle cycle, List<ReviewRoute.OpenTask> openTasks) {
}
