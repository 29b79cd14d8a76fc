package com.imprimatur.bench;

import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readers' mix and the editors' route through the load balancer for {@code --seconds}, from a
 * JVM of its own (bench/cluster.sh, once with one node behind HAProxy, once with two). Prints one
 * line of the table: accepted reports/s, review cycles/s, p99 of readers' reports and of editors'
 * requests, and each node's CPU per request it answered (from HAProxy's statistics). Every
 * acknowledged report is then looked up in the database.
 */
public final class ClusterLoad {

    private static final Pattern REPORT_ID = Pattern.compile("\"reportId\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        String base = opts.get("base");
        String jdbc = opts.get("jdbc");
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "30"));
        int readers = Integer.parseInt(opts.getOrDefault("readers", "8"));
        int editors = Integer.parseInt(opts.getOrDefault("editors", "2"));
        List<String> pids = List.of(opts.get("pids").split(","));
        String stats = opts.get("stats");

        List<String> slugs = FeedbackLoad.seedPublished(jdbc, 200);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Api api = Api.at(URI.create(base).getPort());
        // warm-up: the JIT on both nodes, the pools, a cycle
        runFor(5, readers, editors, slugs, client, base, api, new Tally());
        Map<String, Long> servedBefore = served(client, stats);
        double[] cpuBefore = pids.stream().mapToDouble(FeedbackLoad::cpuSeconds).toArray();
        Tally tally = new Tally();
        runFor(seconds, readers, editors, slugs, client, base, api, tally);
        double[] cpu = new double[pids.size()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = FeedbackLoad.cpuSeconds(pids.get(i)) - cpuBefore[i];
        }
        Map<String, Long> servedAfter = served(client, stats);

        long missing = missing(jdbc, tally.acknowledged);
        StringBuilder perNode = new StringBuilder();
        int node = 0;
        for (Map.Entry<String, Long> server : servedAfter.entrySet()) {
            long requests = server.getValue() - servedBefore.getOrDefault(server.getKey(), 0L);
            if (node < cpu.length) {
                perNode.append(String.format("%s %.2f ms/req (%d req, %.1f s CPU)  ", server.getKey(),
                        requests == 0 ? 0 : cpu[node] * 1000 / requests, requests, cpu[node]));
            }
            node++;
        }
        System.out.printf("| %d | %.0f | %.2f | %d | %d | %s | %d of %d |%n", pids.size(), tally.accepted.get() / (double) seconds,
                tally.cycles.get() / (double) seconds, percentile(tally.readerMillis, 99), percentile(tally.editorMillis, 99),
                perNode.toString().strip(), tally.acknowledged.size() - missing, tally.acknowledged.size());
        if (missing > 0) {
            System.exit(1);
        }
    }

    private static final class Tally {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong cycles = new AtomicLong();
        final ConcurrentLinkedQueue<Long> readerMillis = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> editorMillis = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    }

    private static void runFor(int seconds, int readers, int editors, List<String> slugs, HttpClient client, String base,
            Api api, Tally tally) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        // daemon threads: a failed cycle ends the run instead of leaving the JVM waiting on the others
        ExecutorService pool = Executors.newFixedThreadPool(readers + editors, r -> {
            Thread t = new Thread(r, "cluster-load");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    report(client, base, slugs, tally);
                }
                return null;
            }));
        }
        Desk desk = new Desk(api);
        for (int i = 0; i < editors; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    desk.publish("writer", Desk.article("Cluster cycle " + System.nanoTime(), 1), 1);
                    tally.editorMillis.add((System.nanoTime() - started) / 1_000_000);
                    tally.cycles.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    private static void report(HttpClient client, String base, List<String> slugs, Tally tally) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String slug = slugs.get(random.nextInt(slugs.size()));
        String reader = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/public/articles/" + slug + "/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", reader)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"OUTDATED\",\"comment\":\"Reader " + reader
                        + " says the figure in paragraph " + random.nextInt(1_000_000) + " is out of date.\"}"))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        tally.readerMillis.add((System.nanoTime() - started) / 1_000_000);
        if (answer.statusCode() == 202) {
            tally.accepted.incrementAndGet();
            Matcher id = REPORT_ID.matcher(answer.body());
            if (id.find()) {
                tally.acknowledged.add(id.group(1));
            }
        }
    }

    /** Responses each server of the backend has sent, from HAProxy's CSV statistics (hrsp_1xx … hrsp_other). */
    private static Map<String, Long> served(HttpClient client, String stats) throws Exception {
        String csv = client.send(HttpRequest.newBuilder(URI.create(stats + ";csv")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String[] header = csv.lines().findFirst().orElseThrow().replaceFirst("^# ", "").split(",");
        List<String> columns = List.of(header);
        Map<String, Long> served = new LinkedHashMap<>();
        csv.lines().skip(1).map(line -> line.split(",", -1)).filter(f -> f[0].equals("nodes") && !f[1].equals("BACKEND"))
                .forEach(f -> {
                    long sum = 0;
                    for (String col : List.of("hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other")) {
                        String v = f[columns.indexOf(col)];
                        sum += v.isEmpty() ? 0 : Long.parseLong(v);
                    }
                    served.put(f[1], sum);
                });
        return served;
    }

    private static long missing(String jdbc, ConcurrentLinkedQueue<String> acknowledged) throws Exception {
        long missing = 0;
        try (Connection c = DriverManager.getConnection(jdbc);
                PreparedStatement find = c.prepareStatement("select count(*) from feedback_report where public_id = ?")) {
            for (String id : acknowledged) {
                find.setString(1, id);
                try (ResultSet r = find.executeQuery()) {
                    r.next();
                    missing += r.getLong(1) == 1 ? 0 : 1;
                }
            }
        }
        return missing;
    }

    private static long percentile(ConcurrentLinkedQueue<Long> millis, int p) {
        List<Long> sorted = new ArrayList<>(millis);
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
