package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.article.Slugs;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.SessionClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Quotas that cannot be multiplied: a reader cannot name their own address, an IPv6 household
 * holds one quota, a slug in capitals is the same article, concurrent guesses cannot outrun the
 * login throttle, and a header cannot borrow a browser session past CSRF.
 */
class QuotasHttpTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LoginThrottle throttle;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
    }

    @Test
    void aReaderWhoIsNotBehindATrustedProxyCannotNameTheirOwnAddress() throws IOException {
        String slug = desk.publish("writer", Desk.article("Quota of a reader who spoofs", 1), 1).get("slug").asText();
        // per-client limit: 10 an hour; eleven reports, each claiming another address, from 127.0.0.3 (not a trusted proxy)
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            answers.add(rawPost("127.0.0.3", "/api/public/articles/" + slug + "/feedback", "203.0.113." + (i + 1),
                    "{\"reason\":\"INACCURATE\",\"comment\":\"Spoofed " + i + " " + UUID.randomUUID() + "\"}"));
        }
        assertThat(answers.subList(0, 10)).containsOnly(202);
        assertThat(answers.get(10)).isEqualTo(429);
    }

    @Test
    void anIpv6HouseholdHoldsOneQuotaPerSlash64() {
        String slug = desk.publish("writer", Desk.article("Quota of an IPv6 household", 1), 1).get("slug").asText();
        String network = "2001:db8:" + Integer.toHexString(1 + (int) (Math.random() * 60000)) + ":7";
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            answers.add(report(slug, network + "::" + Integer.toHexString(i + 1), "Household " + i).status());
        }
        assertThat(answers.subList(0, 10)).containsOnly(202);
        assertThat(answers.get(10)).isEqualTo(429);
        // the next /64 is someone else
        assertThat(report(slug, network.substring(0, network.length() - 1) + "8::1", "Neighbour").status()).isEqualTo(202);
    }

    @Test
    void aSlugInCapitalsIsTheSameArticleAndOtherSpellingsAreNone() {
        JsonNode article = desk.publish("writer", Desk.article("Slug spelled another way", 1), 1);
        String slug = article.get("slug").asText();
        assertThat(Slugs.canonical(slug.toUpperCase())).isEqualTo(slug);
        assertThat(api.get(null, "/api/public/articles/" + slug.toUpperCase()).json().get("slug").asText()).isEqualTo(slug);
        Api.Answer reported = report(slug.toUpperCase(), "198.18.7." + (1 + (int) (Math.random() * 250)), "Capital letters");
        assertThat(reported.status()).as(reported.text()).isEqualTo(202);
        assertThat(api.get("editor", "/api/articles/" + article.get("id").asLong() + "/reports").json().findValuesAsText("comment"))
                .anyMatch(c -> c.startsWith("Capital letters"));
        // accented and full-width spellings match in the database's default collation, but are not our slugs
        String accented = "\u00e0" + slug.substring(1);
        String fullWidth = (char) (slug.charAt(0) - 'a' + '\uFF41') + slug.substring(1);
        for (String other : List.of(accented, fullWidth)) {
            assertThat(api.get(null, "/api/public/articles/" + other).status()).as(other).isEqualTo(404);
            assertThat(report(other, "198.18.8.1", "Accented").status()).as(other).isEqualTo(404);
        }
    }

    @Test
    void concurrentGuessesAreCheckedNoMoreThanTheLimit() throws Exception {
        String name = "guessed" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", name);
        user.put("displayName", "Guessed Person");
        user.put("roles", List.of("WRITER"));
        user.put("password", PASSWORD);
        assertThat(api.post("admin", "/api/admin/users", user).status()).isEqualTo(201);
        int guesses = 24;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                return basic(name, "wrong guess " + n).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(401, 429);
        List<String> types = api.get("admin", "/api/admin/audit?actor=" + name + "&size=100").json().get("events").findValuesAsText("type");
        assertThat(types.stream().filter("login.failed"::equals).count()).as("passwords checked").isEqualTo(5);
        assertThat(types).contains("login.locked");
        assertThat(basic(name, PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void oldThrottleRowsArePruned() {
        String stale = "stale" + UUID.randomUUID().toString().substring(0, 6);
        String locked = "locked" + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime longAgo = LocalDateTime.now(ZoneOffset.UTC).minusHours(2);
        jdbc.update("insert into login_throttle (username, failures, window_start) values (?, 3, ?)", stale, longAgo);
        jdbc.update("insert into login_throttle (username, failures, window_start, locked_until) values (?, 0, ?, ?)",
                locked, longAgo, LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5));
        assertThat(throttle.pruneNow()).isPositive();
        assertThat(jdbc.queryForList("select username from login_throttle where username in (?, ?)", String.class, stale, locked))
                .containsExactly(locked);
    }

    @Test
    void aHeaderDoesNotLetASessionSkipCsrf() {
        SessionClient browser = new SessionClient(port);
        browser.login("writer", "demo");
        String body = "{\"title\":\"x\"}";
        // a session-authenticated change with a made-up Authorization header and no CSRF token: the header alone decides, 401
        var forged = browser.send("POST", "/api/articles", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer made-up"), body);
        assertThat(forged.statusCode()).isEqualTo(401);
        var noToken = browser.send("POST", "/api/articles", Map.of("Content-Type", "application/json"), body);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("csrf");
        // valid credentials of its own: judged by them, and no session is made for it
        Api.Answer withBasic = api.get("writer", "/api/articles");
        assertThat(withBasic.status()).isEqualTo(200);
        assertThat(withBasic.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    private Api.Answer report(String slug, String client, String comment) {
        return api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"INACCURATE\",\"comment\":\"" + comment + " "
                        + UUID.randomUUID() + "\"}")));
    }

    private Api.Answer basic(String user, String password) {
        return api.send(null, HttpRequest.newBuilder(api.uri("/api/articles")).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    /** A POST from a socket bound to {@code from}: a peer that is not the trusted proxy. Returns the status. */
    private int rawPost(String from, String path, String forwardedFor, String json) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
