package com.imprimatur.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox after commit, on every node: a poll claims due rows with
 * {@code select … for update skip locked} (nodes never wait for or take each other's rows) and
 * pushes their next attempt past the send timeout (a lease: a node that dies mid-send leaves them
 * to another), then posts each outside any transaction, signed, with the same {@code webhook-id} on
 * every attempt. A 2xx answer delivers; anything else is retried with exponential backoff
 * ({@link Backoff}) until {@code retry-for} after the event, then the delivery is FAILED with the last answer kept.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final WebhookTargets targets;
    private final Backoff backoff;
    private final Duration timeout;
    private final HttpClient client;

    WebhookSender(JdbcTemplate jdbc, PlatformTransactionManager transactions, WebhookTargets targets, Backoff backoff,
            @Value("${imprimatur.webhooks.timeout:PT10S}") Duration timeout) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.targets = targets;
        this.backoff = backoff;
        this.timeout = timeout;
        // no redirects: a redirect could lead past the address check to an internal host
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Claimed(long id, String messageId, String payload, int attempts, Instant createdAt, String url, String secret) {
    }

    @Scheduled(fixedDelayString = "${imprimatur.webhooks.poll-every:PT2S}", initialDelayString = "${imprimatur.webhooks.poll-every:PT2S}")
    void poll() {
        try {
            List<Claimed> claimed;
            do {
                claimed = claim();
                claimed.forEach(this::deliver);
            } while (claimed.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("Webhook delivery round failed; the next round retries: {}", e.toString());
        }
    }

    private List<Claimed> claim() {
        return transaction.execute(status -> {
            LocalDateTime now = utc(Instant.now());
            List<Claimed> due = jdbc.query("""
                    select d.id, d.message_id, d.payload, d.attempts, d.created_at,
                           (select e.url from webhook_endpoint e where e.id = d.endpoint_id),
                           (select e.secret from webhook_endpoint e where e.id = d.endpoint_id)
                    from webhook_delivery d
                    where d.state = 'PENDING' and d.next_attempt_at <= ?
                      and exists (select 1 from webhook_endpoint e where e.id = d.endpoint_id and e.deleted_at is null)
                    order by d.next_attempt_at limit ?
                    for update skip locked""", (rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getInt(4), rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(6), rs.getString(7)),
                    now, BATCH);
            LocalDateTime lease = utc(Instant.now().plus(timeout.multipliedBy(2)).plusSeconds(30));
            for (Claimed c : due) {
                jdbc.update("update webhook_delivery set next_attempt_at = ?, attempts = attempts + 1 where id = ?", lease, c.id());
            }
            return due;
        });
    }

    private void deliver(Claimed delivery) {
        Instant now = Instant.now();
        int attempt = delivery.attempts() + 1;
        String refused = targets.refusal(delivery.url());
        if (refused != null) {
            failedAttempt(delivery, attempt, now, null, "not sent: " + refused);
            return;
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Imprimatur-Webhooks")
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
        try {
            // the answer's first bytes only: a receiver streaming without end cannot fill the heap or hold the sender
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (java.io.InputStream in = response.body()) {
                body = clip(new String(in.readNBytes(RESPONSE_BYTES), StandardCharsets.UTF_8));
            }
            if (response.statusCode() / 100 == 2) {
                jdbc.update("update webhook_delivery set state = 'DELIVERED', delivered_at = ?, last_attempt_at = ?, "
                        + "last_status = ?, last_response = ? where id = ? and state = 'PENDING'", utc(Instant.now()), utc(now), response.statusCode(),
                        body, delivery.id());
            } else {
                failedAttempt(delivery, attempt, now, response.statusCode(), body);
            }
        } catch (IOException e) {
            failedAttempt(delivery, attempt, now, null, clip("no answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failedAttempt(delivery, attempt, now, null, "interrupted");
        }
    }

    private void failedAttempt(Claimed delivery, int attempt, Instant now, Integer status, String response) {
        Instant next = backoff.next(attempt, delivery.createdAt(), now);
        jdbc.update("update webhook_delivery set state = ?, next_attempt_at = ?, last_attempt_at = ?, last_status = ?, "
                // a delivery cancelled meanwhile (its endpoint removed) stays cancelled
                + "last_response = ? where id = ? and state = 'PENDING'", next == null ? "FAILED" : "PENDING", utc(next == null ? now : next), utc(now),
                status, response, delivery.id());
        if (next == null) {
            log.warn("Webhook {} to {} failed for good after {} attempts: {} {}", delivery.messageId(), delivery.url(), attempt,
                    status, response);
        }
    }

    /** How much of a receiver's answer is read and kept. */
    private static final int RESPONSE_BYTES = 2048;

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
