package com.imprimatur.feedback;

import com.imprimatur.article.Slugs;
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
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Per-client and per-article limits on readers' reports and votes, checked before security, JSON
 * parsing or the database, so that a flood costs almost nothing and readers are not slowed by it.
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
            @Value("${imprimatur.feedback.votes-per-client-per-hour}") int votesPerClient, ProblemWriter problems) {
        Clock clock = Clock.systemUTC();
        this.reportsPerClient = new RateLimiter(perClient, Duration.ofHours(1), clock);
        this.reportsPerArticle = new RateLimiter(perArticle, Duration.ofHours(1), clock);
        this.votesPerClient = new RateLimiter(votesPerClient, Duration.ofHours(1), clock);
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
            String client = ClientKey.of(request.getRemoteAddr());
            long wait;
            String detail;
            if ("feedback".equals(m.group(2))) {
                wait = reportsPerClient.acquire(client);
                detail = "You have sent many reports in a short time; please try again later.";
                if (wait == 0) {
                    // one key per article, whatever the case of the slug typed (the look-up ignores it too)
                    String slug = Slugs.canonical(m.group(1));
                    wait = slug == null ? 0 : reportsPerArticle.acquire(slug);
                    detail = "This article has received many reports in a short time; please try again later.";
                }
            } else {
                wait = votesPerClient.acquire(client);
                detail = "You have voted many times in a short time; please try again later.";
            }
            if (wait > 0) {
                response.setHeader("Retry-After", String.valueOf(wait));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
