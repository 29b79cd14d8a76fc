package com.imprimatur.article;

import java.time.Instant;
import java.util.List;

/**
 * An article's state: status, current and published revision numbers and, in detail, its open cycle
 * and tasks; {@code withdrawal} while an editor's withdrawal keeps it offline (null otherwise).
 */
public record ArticleView(long id, String slug, String title, ArticleStatus status, int currentRevision,
        Integer publishedRevision, String createdBy, Instant createdAt, Instant publishedAt, Instant lastReviewed,
        String reviewedBy, ReviewRoute.Cycle cycle, List<ReviewRoute.OpenTask> openTasks, Withdrawal withdrawal) {

    /** Who took the article offline, when and why (the reason is for staff; readers never see it). */
    public record Withdrawal(String by, Instant at, String reason) {
    }
}
