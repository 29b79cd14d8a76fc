package com.imprimatur.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox of webhooks: called inside the transaction of the change, it writes one
 * delivery row per endpoint subscribed to the event (an insert … select, nothing when none is), so
 * the event exists exactly when the change committed. {@link WebhookSender} delivers after commit.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class WebhookOutbox {

    public static final String ARTICLE_PUBLISHED = "article.published";
    public static final String ARTICLE_WITHDRAWN = "article.withdrawn";
    public static final String REVIEW_REOPENED = "review.reopened";
    public static final String REPORT_RECEIVED = "report.received";
    public static final List<String> EVENTS = List.of(ARTICLE_PUBLISHED, ARTICLE_WITHDRAWN, REVIEW_REOPENED, REPORT_RECEIVED);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            insert into webhook_delivery (endpoint_id, message_id, event_type, payload, state, attempts, created_at, next_attempt_at)
            select id, :message, :type, :payload, 'PENDING', 0, :now, :now from webhook_endpoint
            where deleted_at is null and find_in_set(:type, events)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final String publicBaseUrl;

    WebhookOutbox(NamedParameterJdbcTemplate jdbc, @Value("${imprimatur.webhooks.public-base-url:http://localhost:8080}") String base) {
        this.jdbc = jdbc;
        this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** An event about one article: {@code data} holds articleId, slug, revision, url and {@code more}. */
    public void articleEvent(String type, long articleId, String slug, Integer revision, Map<String, ?> more) {
        jdbc.update(INSERT, row(type, data(articleId, slug, revision, more)));
    }

    /** Reports stored by one group commit: one batch, and only a look-up of slugs when someone subscribed. */
    public void reportsReceived(List<ReceivedReport> reports) {
        if (reports.isEmpty() || !subscribed(REPORT_RECEIVED)) {
            return;
        }
        Map<Long, String> slugs = new HashMap<>();
        // the article table by SQL, not the article module: the feedback path stays free of entity loading
        jdbc.query("select id, slug from article where id in (:ids)",
                new MapSqlParameterSource("ids", reports.stream().map(ReceivedReport::articleId).distinct().toList()),
                rs -> {
                    slugs.put(rs.getLong(1), rs.getString(2));
                });
        List<SqlParameterSource> rows = new ArrayList<>();
        for (ReceivedReport report : reports) {
            rows.add(row(REPORT_RECEIVED, data(report.articleId(), slugs.get(report.articleId()), report.revision(),
                    Map.of("reportId", report.reportId(), "reason", report.reason()))));
        }
        jdbc.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
    }

    /** One reader's report as the event tells it (never the reader's comment, e-mail or address). */
    public record ReceivedReport(long articleId, int revision, String reportId, String reason) {
    }

    private boolean subscribed(String type) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from webhook_endpoint where deleted_at is null "
                + "and find_in_set(:type, events))", Map.of("type", type), Boolean.class));
    }

    private Map<String, Object> data(long articleId, String slug, Integer revision, Map<String, ?> more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("articleId", articleId);
        data.put("slug", slug);
        data.put("revision", revision);
        data.put("url", slug == null ? null : publicBaseUrl + "/public/articles/" + slug);
        if (more != null) {
            data.putAll(more);
        }
        return data;
    }

    private static MapSqlParameterSource row(String type, Map<String, Object> data) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", now.toString());
        body.put("data", data);
        try {
            return new MapSqlParameterSource("message", "msg_" + UUID.randomUUID().toString().replace("-", ""))
                    .addValue("type", type).addValue("payload", JSON.writeValueAsString(body))
                    .addValue("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook data must be JSON", e);
        }
    }
}
