package com.imprimatur.article;

import com.imprimatur.problem.Problem;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * 410 Gone: an editor withdrew the article. What readers get instead of it, on the API and the page
 * alike; the editor's reason is never part of it.
 */
public class ArticleGone extends Problem {

    private final Instant withdrawnAt;

    ArticleGone(Instant withdrawnAt) {
        super(HttpStatus.GONE, "article-withdrawn", "Article withdrawn",
                "This article has been withdrawn by our editors and is no longer available.");
        this.withdrawnAt = withdrawnAt;
        with("withdrawnAt", withdrawnAt);
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}
