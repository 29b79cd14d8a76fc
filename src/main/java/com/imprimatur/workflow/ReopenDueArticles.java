package com.imprimatur.workflow;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ReviewRoute;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Service task "Reopen review of due articles": every published article whose last review is too old. */
@Component("reopenDueArticles")
class ReopenDueArticles implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ReopenDueArticles.class);
    /** At most this many per sweep; the next sweep takes the rest. */
    private static final int BATCH = 200;

    private final ArticleService articles;
    private final ReReviewSchedule schedule;

    ReopenDueArticles(ArticleService articles, ReReviewSchedule schedule) {
        this.articles = articles;
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var due = articles.dueForReReview(schedule.dueIfReviewedBefore(Instant.now()), BATCH);
        for (long articleId : due) {
            articles.reopenReview(articleId, ReviewRoute.CycleReason.SCHEDULED_RE_REVIEW);
        }
        if (!due.isEmpty()) {
            log.info("Reopened review of {} published article(s) due for re-review", due.size());
        }
        execution.setVariable("reopened", due.size());
    }
}
