package com.imprimatur.feedback;

import com.imprimatur.article.Slugs;
import com.imprimatur.problem.Problem;
import com.imprimatur.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Per-client and per-article limits on readers' reports and votes, checked before security, JSON
 * parsing or the database, so that a flood costs almost nothing and readers are not slowed by it.
 * The counts are the cluster's ({@link RateLimiter}: one upsert per check, none once this node
 * alone has seen more than the limit); when the database cannot be reached the answer is 503.
 * The client is {@link ClientKey}: the address Tomcat reports (X-Forwarded-For only from a
 * configured proxy), IPv6 clients by their /64; the article is its canonical slug (an unknown
 * spelling is no article: the request answers 404 without a quota).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ReaderLimits extends OncePerRequestFilter {

    private static final UrlPathHelper PATHS = new UrlPathHelper();
    private static final Pattern PUBLIC_WRITE = Pattern.compile("(?:/api)?/public/articles/([^/]+)/(feedback|helpful)");

    private final RateLimiter reportsPerClient;
    private final RateLimiter reportsPerArticle;
    private final RateLimiter votesPerClient;
    private final ProblemWriter problems;

    ReaderLimits(@Value("${imprimatur.feedback.per-client-per-hour}") int perClient,
            @Value("${imprimatur.feedback.per-article-per-hour}") int perArticle,
            @Value("${imprimatur.feedback.votes-per-client-per-hour}") int votesPerClient, ProblemWriter problems,
            JdbcTemplate jdbc) {
        Clock clock = Clock.systemUTC();
        Duration hour = Duration.ofHours(1);
        this.reportsPerClient = new RateLimiter("reports-client", perClient, hour, clock, jdbc);
        this.reportsPerArticle = new RateLimiter("reports-article", perArticle, hour, clock, jdbc);
        this.votesPerClient = new RateLimiter("votes-client", votesPerClient, hour, clock, jdbc);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the decoded path, as the handler mapping sees it: /api/public/articles/x/%66eedback is limited too
        Matcher m = PUBLIC_WRITE.matcher(PATHS.getPathWithinApplication(request));
        if (m.matches()) {
            Refusal refusal;
            try {
                refusal = judge(ClientKey.of(request.getRemoteAddr()), m.group(1), "feedback".equals(m.group(2)));
            } catch (DataAccessException e) {
                // the shared counts cannot be read: nothing could be stored either
                Problem down = Problem.unavailable();
                response.setHeader("Retry-After", "30");
                problems.write(response, down.status(), "service-unavailable", down.title(), down.getMessage());
                return;
            }
            if (refusal != null) {
                response.setHeader("Retry-After", String.valueOf(refusal.waitSeconds()));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", refusal.detail());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private record Refusal(long waitSeconds, String detail) {
    }

    /** Null when the request may go ahead (and is counted). */
    private Refusal judge(String client, String slugTyped, boolean report) {
        if (!report) {
            long wait = votesPerClient.acquire(client);
            return wait == 0 ? null : new Refusal(wait, "You have voted many times in a short time; please try again later.");
        }
        long wait = reportsPerClient.acquire(client);
        if (wait > 0) {
            return new Refusal(wait, "You have sent many reports in a short time; please try again later.");
        }
        // one key per article, whatever the case of the slug typed (the look-up ignores it too)
        String slug = Slugs.canonical(slugTyped);
        wait = slug == null ? 0 : reportsPerArticle.acquire(slug);
        return wait == 0 ? null
                : new Refusal(wait, "This article has received many reports in a short time; please try again later.");
    }
}
