package com.imprimatur.webhook;

import com.imprimatur.audit.AuditTrail;
import com.imprimatur.problem.Problem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins register, list and remove webhook endpoints and read their deliveries. */
@Service
@Transactional
public class WebhookEndpoints {

    private final JdbcTemplate jdbc;
    private final WebhookTargets targets;
    private final AuditTrail audit;

    WebhookEndpoints(JdbcTemplate jdbc, WebhookTargets targets, AuditTrail audit) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.audit = audit;
    }

    public record Endpoint(long id, String url, List<String> events, Instant createdAt, String createdBy) {
    }

    /** A new endpoint with its secret, shown once. */
    public record Registered(long id, String url, List<String> events, String secret, Instant createdAt) {
    }

    public record Delivery(long id, String messageId, String type, String state, int attempts, Instant createdAt,
            Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastResponse, Instant deliveredAt) {
    }

    public Registered register(String url, List<String> events) {
        String target = url == null ? "" : url.strip();
        if (target.isEmpty() || target.length() > 2000) {
            throw invalid("url", "give the https URL that receives the events (at most 2,000 characters)");
        }
        String refused = targets.refusal(target);
        if (refused != null) {
            throw invalid("url", refused);
        }
        if (events == null || events.isEmpty() || !WebhookOutbox.EVENTS.containsAll(events)) {
            throw invalid("events", "one or more of " + String.join(", ", WebhookOutbox.EVENTS));
        }
        List<String> kinds = List.copyOf(new LinkedHashSet<>(events));
        String secret = WebhookSignature.newSecret();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String by = SecurityContextHolder.getContext().getAuthentication().getName();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var insert = c.prepareStatement("insert into webhook_endpoint (url, events, secret, created_at, created_by) "
                    + "values (?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, target);
            insert.setString(2, String.join(",", kinds));
            insert.setString(3, secret);
            insert.setObject(4, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(5, by);
            return insert;
        }, key);
        long id = key.getKey().longValue();
        audit.record("webhook.registered", null, null, Map.of("endpointId", id, "url", target, "events", kinds));
        return new Registered(id, target, kinds, secret, now);
    }

    @Transactional(readOnly = true)
    public List<Endpoint> list() {
        return jdbc.query("select id, url, events, created_at, created_by from webhook_endpoint where deleted_at is null order by id",
                (rs, n) -> new Endpoint(rs.getLong(1), rs.getString(2), List.of(rs.getString(3).split(",")), instant(rs, 4),
                        rs.getString(5)));
    }

    @Transactional(readOnly = true)
    public Endpoint get(long id) {
        return list().stream().filter(e -> e.id() == id).findFirst().orElseThrow(() -> Problem.notFound("Webhook endpoint " + id));
    }

    /** The endpoint stops receiving; deliveries not yet made are cancelled; the history stays. */
    public void remove(long id) {
        Endpoint endpoint = get(id);
        Instant now = Instant.now();
        jdbc.update("update webhook_endpoint set deleted_at = ? where id = ?", LocalDateTime.ofInstant(now, ZoneOffset.UTC), id);
        jdbc.update("update webhook_delivery set state = 'CANCELLED' where endpoint_id = ? and state = 'PENDING'", id);
        audit.record("webhook.removed", null, null, Map.of("endpointId", id, "url", endpoint.url()));
    }

    /** The latest deliveries to the endpoint, newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(long id, int limit) {
        get(id);
        return jdbc.query("""
                select id, message_id, event_type, state, attempts, created_at, next_attempt_at, last_attempt_at, last_status,
                       last_response, delivered_at
                from webhook_delivery where endpoint_id = ? order by id desc limit ?""", WebhookEndpoints::delivery, id,
                Math.max(1, Math.min(limit, 500)));
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        String state = rs.getString(4);
        return new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), state, rs.getInt(5), instant(rs, 6),
                state.equals("PENDING") ? instant(rs, 7) : null, instant(rs, 8), (Integer) rs.getObject(9), rs.getString(10),
                instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static Problem invalid(String field, String message) {
        return Problem.invalid("invalid-content", field + ": " + message)
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
