package com.imprimatur.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks to a real HTTP receiver in the test JVM, which checks every signature with its own
 * implementation of the Standard Webhooks rules (not the application's). The schedule is shortened
 * in application-test.yml: retries 0.1 s apart doubling to 0.4 s, instead of seconds to hours.
 */
class WebhooksHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String id, String timestamp, String signature, String body, boolean valid) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A receiver: records each request and answers with the next status of {@code answers} (200 once they run out). */
    static final class Receiver implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final List<Integer> answers = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        String secret;
        private final HttpServer server;

        Receiver(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hooks", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                received.add(new Received(id, timestamp, signature, body, verifies(secret, id, timestamp, signature, body)));
                int n = calls.getAndIncrement();
                int status = n < answers.size() ? answers.get(n) : 200;
                byte[] answer = (status == 200 ? "thanks" : "try later").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String url() {
            return "http://127.0.0.1:" + port() + "/hooks";
        }

        List<Received> of(String type, long articleId) {
            return received.stream().filter(r -> r.json().get("type").asText().equals(type)
                    && r.json().at("/data/articleId").asLong() == articleId).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * The receiver's own check, written from the specification: the key is the base64 after
     * "whsec_"; the signed content is "{id}.{timestamp}.{body}"; the header holds space-separated
     * "v1,{base64 HMAC-SHA256}" entries, one of which must match; the timestamp must be recent.
     */
    static boolean verifies(String secret, String id, String timestamp, String header, String body) {
        if (secret == null || id == null || timestamp == null || header == null) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
            byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String entry : header.split(" ")) {
                String[] parts = entry.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private final List<Receiver> receivers = new CopyOnWriteArrayList<>();
    private final List<Long> endpoints = new CopyOnWriteArrayList<>();

    @AfterEach
    void removeEndpoints() {
        Api api = api();
        endpoints.forEach(id -> api.send("admin", HttpRequest.newBuilder(api.uri("/api/admin/webhooks/" + id)).DELETE()));
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver(int port) throws IOException {
        Receiver receiver = new Receiver(port);
        receivers.add(receiver);
        return receiver;
    }

    private long register(Receiver receiver, String url, List<String> events) {
        Api.Answer registered = api().post("admin", "/api/admin/webhooks", Map.of("url", url, "events", events));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(registered.json().get("secret").asText()).startsWith("whsec_");
        receiver.secret = registered.json().get("secret").asText();
        long id = registered.json().get("id").asLong();
        endpoints.add(id);
        return id;
    }

    @Test
    void publishingAndWithdrawingDeliverSignedEventsOnceEachAndAFailureIsRetriedWithTheSameId() throws IOException {
        Receiver receiver = receiver(0);
        receiver.answers.add(500); // the first delivery fails
        long endpoint = register(receiver, receiver.url(), List.of("article.published", "article.withdrawn"));
        Api api = api();
        Desk desk = new Desk(api);
        JsonNode article = desk.publish("writer", Desk.article("Webhook news on sleep " + System.nanoTime(), 1), 1);
        long id = article.get("id").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.of("article.published", id).isEmpty()
                && receiver.calls.get() >= 2);
        assertThat(api.post("editor", "/api/articles/" + id + "/withdraw", Map.of("reason", "Guidance changed")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.of("article.withdrawn", id).isEmpty());

        List<Received> published = receiver.of("article.published", id);
        assertThat(published).hasSize(2).allMatch(Received::valid);
        assertThat(published.get(1).id()).as("the retry carries the same webhook-id").isEqualTo(published.get(0).id());
        assertThat(published.get(1).body()).isEqualTo(published.get(0).body());
        JsonNode data = published.get(0).json().get("data");
        assertThat(data.get("slug").asText()).isEqualTo(article.get("slug").asText());
        assertThat(data.get("revision").asInt()).isEqualTo(1);
        assertThat(data.get("url").asText()).endsWith("/public/articles/" + article.get("slug").asText());
        assertThat(receiver.of("article.withdrawn", id)).hasSize(1).allMatch(Received::valid);

        JsonNode deliveries = api.get("admin", "/api/admin/webhooks/" + endpoint + "/deliveries").json();
        assertThat(deliveries.findValuesAsText("state")).containsOnly("DELIVERED");
        assertThat(deliveries.findValuesAsText("messageId")).doesNotHaveDuplicates();
        assertThat(deliveries.findValues("attempts").stream().map(JsonNode::asInt)).contains(2, 1);
        // a tampered body fails the receiver's check
        Received one = published.get(0);
        assertThat(verifies(receiver.secret, one.id(), one.timestamp(), one.signature(), one.body().replace("1", "2"))).isFalse();
    }

    @Test
    void aReceiverDownForAnHourStillGetsEveryEvent() throws IOException {
        Api api = api();
        JsonNode article = new Desk(api).publish("writer", Desk.article("Webhook reports on fever " + System.nanoTime(), 1), 1);
        // a port nobody listens on yet: the receiver is down
        int port;
        try (var probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Receiver later = new Receiver(0);
        later.close();
        long endpoint = register(later, "http://127.0.0.1:" + port + "/hooks", List.of("report.received"));
        String secret = later.secret;
        for (int i = 0; i < 3; i++) {
            Api.Answer sent = api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + article.get("slug").asText() + "/feedback"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + (200 + i))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"OUTDATED\",\"comment\":\"Webhook report " + i + " "
                            + System.nanoTime() + "\"}")));
            assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        }
        // "an hour" of the shortened schedule: several failed attempts each
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get("admin", "/api/admin/webhooks/" + endpoint + "/deliveries").json()
                .findValues("attempts").stream().allMatch(a -> a.asInt() >= 3));
        JsonNode pending = api.get("admin", "/api/admin/webhooks/" + endpoint + "/deliveries").json();
        assertThat(pending.findValuesAsText("state")).hasSize(3).containsOnly("PENDING");
        assertThat(pending.get(0).get("lastResponse").asText()).startsWith("no answer");

        Receiver up = receiver(port);
        up.secret = secret;
        await().atMost(Duration.ofSeconds(15)).until(() -> up.of("report.received", article.get("id").asLong()).size() >= 3);
        assertThat(up.received).hasSize(3).allMatch(Received::valid);
        assertThat(up.received.stream().map(Received::id)).doesNotHaveDuplicates();
        assertThat(api.get("admin", "/api/admin/webhooks/" + endpoint + "/deliveries").json().findValuesAsText("state"))
                .containsOnly("DELIVERED");
    }

    @Test
    void internalAddressesAreRefusedUnlessAllowed() {
        WebhookTargets prod = new WebhookTargets("", false);
        assertThat(prod.refusal("http://127.0.0.1:8080/hooks")).contains("internal address");
        assertThat(prod.refusal("http://10.1.2.3/hooks")).contains("internal address");
        assertThat(prod.refusal("http://169.254.169.254/latest/meta-data")).contains("internal address");
        assertThat(prod.refusal("http://[::1]/hooks")).contains("internal address");
        assertThat(prod.refusal("http://[fd00::1]/hooks")).contains("internal address");
        // IPv6 addresses that carry or tunnel to an internal IPv4 one, and reserved IPv4 ranges
        for (String carried : List.of("http://[::127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/",
                "http://[2002:7f00:1::]/", "http://[2002:c0a8:101::1]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
                "http://[64:ff9b:1::1]/", "http://240.0.0.1/", "http://255.255.255.255/", "http://198.18.0.1/", "http://192.0.0.8/")) {
            assertThat(prod.refusal(carried)).as(carried).contains("internal address");
        }
        assertThat(prod.refusal("http://[2001:4860:4860::8888]/hooks")).as("a public IPv6 address").isNull();
        assertThat(prod.refusal("http://[2002:cb00:7109::1]/hooks")).as("6to4 of a public IPv4 address").isNull();
        assertThat(prod.refusal("http://[64:ff9b::cb00:7109]/hooks")).as("NAT64 of a public IPv4 address").isNull();
        assertThat(prod.refusal("ftp://example.org/")).isNotNull();
        assertThat(prod.refusal("http://user@203.0.113.9/")).isNotNull();
        assertThat(prod.refusal("https://203.0.113.9/hooks")).isNull();
        assertThat(new WebhookTargets("cms.internal, 10.1.2.3", false).refusal("http://10.1.2.3/hooks")).isNull();
        WebhookTargets demo = new WebhookTargets("", true);
        assertThat(demo.refusal("http://127.0.0.1:8080/hooks")).isNull();
        assertThat(demo.refusal("http://192.168.1.1/hooks")).isNotNull();

        Api.Answer refused = api().post("admin", "/api/admin/webhooks", Map.of("url", "http://169.254.169.254/x",
                "events", List.of("article.published")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
    }

    @Test
    void backoffDoublesUpToTheMaximumAndStopsAfterTheRetryPeriod() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofHours(24));
        Instant event = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(Duration.between(event, backoff.next(1, event, event)).toMillis()).isBetween(5_000L, 5_501L);
        assertThat(Duration.between(event, backoff.next(4, event, event)).toMillis()).isBetween(40_000L, 44_001L);
        assertThat(Duration.between(event, backoff.next(20, event, event))).isBetween(Duration.ofHours(2), Duration.ofMinutes(132));
        Instant late = event.plus(Duration.ofHours(23).plusMinutes(30));
        assertThat(backoff.next(15, event, late)).isEqualTo(event.plus(Duration.ofHours(24)));
        assertThat(backoff.next(16, event, event.plus(Duration.ofHours(24)))).isNull();
    }
}
