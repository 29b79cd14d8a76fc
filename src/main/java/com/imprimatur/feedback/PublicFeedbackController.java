package com.imprimatur.feedback;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.PublishedArticle;
import com.imprimatur.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Readers' reports and votes. Limits come first, so a flood is turned away before the database. */
@RestController
class PublicFeedbackController {

    private final FeedbackIntake intake;
    private final HelpfulVotes votes;
    private final ArticleService articles;
    private final RateLimiter perClient;
    private final RateLimiter perArticle;
    private final RateLimiter votesPerClient;

    PublicFeedbackController(FeedbackIntake intake, HelpfulVotes votes, ArticleService articles,
            @Value("${imprimatur.feedback.per-client-per-hour}") int perClient,
            @Value("${imprimatur.feedback.per-article-per-hour}") int perArticle,
            @Value("${imprimatur.feedback.votes-per-client-per-hour}") int votesPerClient) {
        this.intake = intake;
        this.votes = votes;
        this.articles = articles;
        Clock clock = Clock.systemUTC();
        this.perClient = new RateLimiter(perClient, Duration.ofHours(1), clock);
        this.perArticle = new RateLimiter(perArticle, Duration.ofHours(1), clock);
        this.votesPerClient = new RateLimiter(votesPerClient, Duration.ofHours(1), clock);
    }

    record Vote(Boolean helpful) {
    }

    @PostMapping("/api/public/articles/{slug}/feedback")
    ResponseEntity<Map<String, String>> report(@PathVariable String slug, @RequestBody FeedbackRequest request,
            HttpServletRequest http) {
        String client = http.getRemoteAddr();
        limit(perClient, client, "You have sent many reports in a short time; please try again later.");
        limit(perArticle, slug, "This article has received many reports in a short time; please try again later.");
        FeedbackIntake.Checked checked = intake.check(slug, request, client);
        FeedbackIntake.Receipt receipt;
        try {
            receipt = intake.store(checked);
        } catch (DataIntegrityViolationException sameReportAtTheSameMoment) {
            receipt = intake.stored(checked);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("reportId", receipt.reportId()));
    }

    @PostMapping("/api/public/articles/{slug}/helpful")
    ResponseEntity<Void> vote(@PathVariable String slug, @RequestBody Vote vote, HttpServletRequest http) {
        limit(votesPerClient, http.getRemoteAddr(), "You have voted many times in a short time; please try again later.");
        if (vote.helpful() == null) {
            throw Problem.invalid("invalid-content", "helpful: say true or false");
        }
        PublishedArticle article = articles.publishedBySlug(slug)
                .orElseThrow(() -> Problem.notFound("A published article '" + slug + "'"));
        votes.count(article.articleId(), article.revision().number(), vote.helpful());
        return ResponseEntity.noContent().build();
    }

    private static void limit(RateLimiter limiter, String key, String detail) {
        long wait = limiter.acquire(key);
        if (wait > 0) {
            throw new Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail).retryAfter(wait);
        }
    }
}
