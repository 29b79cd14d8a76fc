package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.Api;
import com.imprimatur.support.IntegrationTest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * HTTP Basic against an API token on the same call ({@code GET /api/tasks?queue=mine} as
 * {@code reviewer}), over HTTP, one after the other, alternating in rounds so that both see the same
 * machine. Not part of {@code verify} (disabled without {@code -Dbench=true}); run it with
 * {@code ./mvnw -B -Pbench-tokens test}. Prints a table and writes {@code target/bench/tokens.json}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TokenBenchmark extends IntegrationTest {

    private static final int WARM_UP = 100;
    private static final int ROUNDS = 10;
    private static final int PER_ROUND = 30;
    private static final String PATH = "/api/tasks?queue=mine";

    @Test
    void basicAgainstBearer() throws IOException {
        Api api = api();
        String token = api.post("reviewer", "/api/me/tokens", Map.of("name", "benchmark")).json().get("token").asText();
        String basic = "Basic " + Base64.getEncoder().encodeToString("reviewer:demo".getBytes());
        String bearer = "Bearer " + token;
        for (int i = 0; i < WARM_UP; i++) {
            time(api, basic);
            time(api, bearer);
        }
        List<Double> basicMs = new ArrayList<>();
        List<Double> bearerMs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < PER_ROUND; i++) {
                basicMs.add(time(api, basic));
            }
            for (int i = 0; i < PER_ROUND; i++) {
                bearerMs.add(time(api, bearer));
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("request", "GET " + PATH + " as reviewer, " + ROUNDS * PER_ROUND + " each after " + WARM_UP + " warm-up");
        results.put("basic", stats(basicMs));
        results.put("bearer", stats(bearerMs));
        double ratio = median(bearerMs) / median(basicMs);
        results.put("bearerOverBasicMedian", Math.round(ratio * 1000) / 1000.0);
        System.out.println();
        System.out.println("| credentials | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|");
        System.out.println(row("HTTP Basic (BCrypt, login throttle)", basicMs));
        System.out.println(row("Bearer token (SHA-256, one look-up)", bearerMs));
        System.out.printf("bearer / basic (median): %.3f%n%n", ratio);
        Path out = Path.of("target", "bench", "tokens.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        assertThat(basicMs).isNotEmpty();
    }

    private static double time(Api api, String authorization) {
        long start = System.nanoTime();
        Api.Answer answer = api.send(null, HttpRequest.newBuilder(api.uri(PATH)).header("Authorization", authorization).GET());
        double ms = (System.nanoTime() - start) / 1e6;
        assertThat(answer.status()).isEqualTo(200);
        return ms;
    }

    private static Map<String, Double> stats(List<Double> ms) {
        return Map.of("p50", pct(ms, 50), "p95", pct(ms, 95), "p99", pct(ms, 99));
    }

    private static String row(String name, List<Double> ms) {
        return String.format("| %s | %.1f | %.1f | %.1f |", name, pct(ms, 50), pct(ms, 95), pct(ms, 99));
    }

    private static double median(List<Double> ms) {
        return pct(ms, 50);
    }

    private static double pct(List<Double> ms, int p) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return Math.round(value * 10) / 10.0;
    }
}
