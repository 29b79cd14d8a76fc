package com.imprimatur.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.imprimatur.support.Desk;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase (b) of bench/route.sh: Imprimatur's whole review route over HTTP, against a running node
 * ({@code --base}, JVM {@code --pid}), with 1, 4 and 8 clients, once with browser sessions (form
 * login once per client and user, CSRF header on every change) and once with API tokens. A cycle:
 * the writer creates an article; the reviewer finds it in the claimable queue, claims it and approves
 * it with a verdict per reference; the editor waits for the asynchronous plagiarism check (polling
 * the claimable queue), claims and publishes; the editor polls the article until it is PUBLISHED.
 * Then one profiling pass (1 client, sessions): SQL statements per call from MariaDB's global
 * Com_* counters around each call, and after it (the asynchronous jobs it started).
 */
public final class RouteLoad {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]*)\"");
    static final List<String> COUNTERS = List.of("Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit",
            "Com_rollback", "Com_set_option", "Com_show_status", "Questions");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String base = opts.get("base");
        String pid = opts.get("pid");
        String root = opts.getOrDefault("root-jdbc", "jdbc:mariadb://127.0.0.1:3306/?user=root");
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "25"));
        long poll = Long.parseLong(opts.getOrDefault("poll", "20"));
        double bare = Double.parseDouble(opts.getOrDefault("bare", "0"));
        List<Integer> clientCounts = new ArrayList<>();
        for (String c : opts.getOrDefault("clients", "1,4,8").split(",")) {
            clientCounts.add(Integer.parseInt(c));
        }
        List<String> modes = List.of(opts.getOrDefault("modes", "session,token").split(","));

        List<Map<String, Object>> results = new ArrayList<>();
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        List<Caller[]> warming = new ArrayList<>();
        // as many desks in all as the largest phase has (at least four), as the bare engine warms up with all
        // its threads, so that the node meets the phase's concurrency before it is measured (with four, the
        // first 8-client phase carried 4.1 ms of JIT per cycle, 2.6 with eight); the modes alternate (four
        // desks of each at 8), so that no mode's phases run on a colder JIT
        int warmingDesks = Math.max(4, clientCounts.stream().mapToInt(Integer::intValue).max().orElse(4));
        for (int i = 0; i < warmingDesks; i++) {
            String mode = modes.get(i % modes.size());
            warming.add(desk(mode, base));
        }
        // the JIT, the pools, the caches: not part of any phase. One desk logs in afresh before each stretch, as
        // people log in all day: with logins only at the start, the JIT compiled the request path for logged-in
        // calls alone, and each phase's own logins (anonymous requests, the login's events) undid that code at the
        // phase's start (fourteenth round: 267 deoptimisations in its first 30 s, 1 to 17 per 30 s before)
        int[] turn = {0};
        Map<String, Object> warmedUp = warmUp(pid, warmup, Integer.parseInt(opts.getOrDefault("warmup-max", String.valueOf(warmup))),
                stretch -> {
                    int i = turn[0]++ % warming.size();
                    warming.set(i, desk(modes.get(i % modes.size()), base));
                    run(warming, stretch, poll, new Tally());
                });
        for (String mode : modes) {
            for (int clients : clientCounts) {
                List<Caller[]> desks = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    desks.add(desk(mode, base));
                }
                run(desks, 3, poll, new Tally()); // warm-up
                Sample before = Sample.take(root, pid);
                Tally tally = new Tally();
                run(desks, seconds, poll, tally);
                Sample after = Sample.take(root, pid);
                Map<String, Object> result = phaseResult("Imprimatur over HTTP, " + (mode.equals("token") ? "API tokens" : "sessions"),
                        mode, clients, seconds, tally, before, after);
                result.put("publishedArticles", published(root, opts.get("db")));
                System.out.println(line(result, bare));
                results.add(result);
            }
        }
        Map<String, Object> perCall = profile(root, base, poll);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("warmUp", warmedUp);
        all.put("phases", results);
        all.put("sqlPerCall", perCall);
        JSON.writeValue(Path.of(opts.get("out")).toFile(), all);
    }

    /** One desk: a writer, a reviewer and an editor, each logged in (a session or a token, by the mode). */
    static Caller[] desk(String mode, String base) throws Exception {
        return new Caller[] {Caller.of(mode, base, "writer"), Caller.of(mode, base, "reviewer"), Caller.of(mode, base, "editor")};
    }

    /** Load for a number of seconds: the warm-up's. */
    interface Warming {
        void run(int seconds) throws Exception;
    }

    /** The JIT's share of a JVM's CPU at which its warm-up may end (see {@link #warmUp}). */
    static final double JIT_SETTLED = 0.05;

    /**
     * Warms a JVM up until its JIT has settled: load in stretches of 30 s (or of the maximum if shorter), at
     * least {@code minimum} seconds (rounded up to whole stretches); then, while the JIT's compiler threads
     * took more than {@link #JIT_SETTLED} of that JVM's CPU over the last stretch, another stretch, up to
     * {@code maximum} seconds in all (at least one stretch). A node that still compiles is measured as a
     * young node, not as the steady one the ratio is about: on a slow day (fourteenth round,
     * docs/performance.md) the node's JIT still took 37 of its 130 ms of CPU per cycle after 300 s, the bare
     * engine's 2 of 40. The same rule for both sides; what each needed is reported.
     */
    static Map<String, Object> warmUp(String pid, int minimum, int maximum, Warming load) throws Exception {
        maximum = Math.max(maximum, minimum);
        int stretch = Math.max(1, Math.min(30, maximum));
        int spent = 0;
        double share;
        do {
            double cpu = FeedbackLoad.cpuSeconds(pid);
            Map<String, Double> jit = jitSeconds(pid);
            load.run(stretch);
            spent += stretch;
            double used = FeedbackLoad.cpuSeconds(pid) - cpu;
            if (used <= 0) {
                throw new IllegalStateException("no CPU time read for the JVM " + pid + " over a stretch of load: is it running?");
            }
            share = jitSince(jit, jitSeconds(pid)) / used;
            System.err.printf("# warm-up: %d s, the JIT %.1f %% of the JVM's CPU over the last %d s%n", spent, share * 100, stretch);
        } while (spent < minimum || (share > JIT_SETTLED && spent + stretch <= maximum));
        System.out.printf("# warm-up: %d s (at least %d, at most %d); the JIT %.1f %% of the JVM's CPU over its last %d s%s%n", spent,
                minimum, maximum, share * 100, stretch, share <= JIT_SETTLED ? "" : ", not yet settled");
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("seconds", spent);
        done.put("jitPercentOfLastStretch", round(share * 100));
        done.put("settled", share <= JIT_SETTLED);
        return done;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return opts;
    }

    private static void run(List<Caller[]> desks, int seconds, long poll, Tally tally) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService threads = Executors.newFixedThreadPool(desks.size(), r -> {
            Thread t = new Thread(r, "route-load");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> running = new ArrayList<>();
        for (Caller[] desk : desks) {
            running.add(threads.submit(() -> {
                while (System.nanoTime() < end) {
                    cycle(desk, poll, tally, null);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        threads.shutdown();
    }

    /** One review cycle; {@code counted}, when given, is called after every call (profiling pass). */
    static void cycle(Caller[] desk, long poll, Tally tally, Runnable[] counted) throws Exception {
        Caller writer = desk[0], reviewer = desk[1], editor = desk[2];
        long started = System.nanoTime();
        JsonNode created = tally.time("POST /api/articles", () -> writer.send("POST", "/api/articles",
                Desk.article("Route cycle " + System.nanoTime(), 2), 201));
        long id = created.get("id").asLong();
        step(counted, "POST /api/articles");
        String review = awaitTask(reviewer, "medicalReview", id, poll, tally, counted);
        tally.time("POST /api/tasks/{id}/claim", () -> reviewer.send("POST", "/api/tasks/" + review + "/claim", null, 200));
        step(counted, "POST /api/tasks/{id}/claim");
        tally.time("POST /api/tasks/{id}/complete (medicalReview)", () -> reviewer.send("POST", "/api/tasks/" + review + "/complete",
                Desk.approveAll(2), 200));
        step(counted, "POST /api/tasks/{id}/complete (medicalReview)");
        String approval = awaitTask(editor, "approvePublication", id, poll, tally, counted);
        tally.time("POST /api/tasks/{id}/claim", () -> editor.send("POST", "/api/tasks/" + approval + "/claim", null, 200));
        step(counted, "POST /api/tasks/{id}/claim");
        tally.time("POST /api/tasks/{id}/complete (approvePublication)", () -> editor.send("POST", "/api/tasks/" + approval
                + "/complete", Desk.decision("PUBLISH", null), 200));
        step(counted, "POST /api/tasks/{id}/complete (approvePublication)");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode article = tally.time("GET /api/articles/{id}", () -> editor.send("GET", "/api/articles/" + id, null, 200));
            step(counted, "GET /api/articles/{id}");
            if (article.get("status").asText().equals("PUBLISHED")) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("article " + id + " not published: " + article);
            }
            Thread.sleep(poll);
        }
        tally.cycle(System.nanoTime() - started);
    }

    private static String awaitTask(Caller caller, String key, long articleId, long poll, Tally tally, Runnable[] counted)
            throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode tasks = tally.time("GET /api/tasks?queue=available", () -> caller.send("GET",
                    "/api/tasks?queue=available&type=" + key, null, 200));
            step(counted, "GET /api/tasks?queue=available");
            for (JsonNode task : tasks) {
                if (task.get("key").asText().equals(key) && task.get("articleId").asLong() == articleId) {
                    return task.get("id").asText();
                }
            }
            Thread.sleep(poll);
        }
        throw new IllegalStateException("no " + key + " task for article " + articleId);
    }

    private static void step(Runnable[] counted, String call) {
        if (counted != null) {
            ((Profiler) counted[0]).after(call);
        }
    }

    /** SQL statements per call, 1 client, sessions: Com_* before and after each call, then 300 ms later. */
    private static Map<String, Object> profile(String root, String base, long poll) throws Exception {
        Caller[] desk = {Caller.of("session", base, "writer"), Caller.of("session", base, "reviewer"), Caller.of("session", base, "editor")};
        Profiler profiler = new Profiler(root);
        Tally tally = new Tally();
        int cycles = 8;
        for (int i = 0; i < cycles; i++) {
            profiler.mark();
            cycle(desk, poll, tally, new Runnable[] {profiler});
        }
        return profiler.result();
    }

    /** Statement counts attributed to each call: during the call, and in a pause after it (its asynchronous work). */
    private static final class Profiler implements Runnable {
        private final String root;
        private final Map<String, long[]> perCall = new TreeMap<>(); // calls, statements during, statements after, commits during
        private Map<String, Long> last;

        Profiler(String root) {
            this.root = root;
        }

        void mark() throws Exception {
            last = counters(root);
        }

        void after(String call) {
            try {
                Map<String, Long> now = counters(root);
                Thread.sleep(300);
                Map<String, Long> later = counters(root);
                long[] row = perCall.computeIfAbsent(call, c -> new long[4]);
                row[0]++;
                row[1] += statements(last, now);
                row[2] += statements(now, later);
                row[3] += now.get("Com_commit") - last.get("Com_commit");
                last = counters(root);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static long statements(Map<String, Long> from, Map<String, Long> to) {
            long n = 0;
            for (String c : List.of("Com_select", "Com_insert", "Com_update", "Com_delete")) {
                n += to.get(c) - from.get(c);
            }
            return n;
        }

        Map<String, Object> result() {
            Map<String, Object> out = new LinkedHashMap<>();
            System.out.println();
            System.out.println("SQL statements (select+insert+update+delete) per call, 1 client, sessions; 'after' = the 300 ms after it (async jobs)");
            System.out.println("| call | calls | statements during | statements after | commits during |");
            System.out.println("|---|---|---|---|---|");
            perCall.forEach((call, row) -> {
                double during = row[1] / (double) row[0];
                double after = row[2] / (double) row[0];
                double commits = row[3] / (double) row[0];
                out.put(call, Map.of("calls", row[0], "statementsDuring", round(during), "statementsAfter", round(after),
                        "commitsDuring", round(commits)));
                System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", call, row[0], during, after, commits);
            });
            return out;
        }

        @Override
        public void run() {
        }
    }

    private static long published(String root, String db) {
        if (db == null) {
            return -1;
        }
        try (Connection c = DriverManager.getConnection(root); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from " + db + ".article where published_revision is not null")) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    // ---- shared by both phases ----

    /** Latencies per call and finished cycles. */
    static final class Tally {
        final Map<String, ConcurrentLinkedQueue<Long>> calls = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Long> cycles = new ConcurrentLinkedQueue<>();

        <T> T time(String call, Callable<T> work) throws Exception {
            long started = System.nanoTime();
            T result = work.call();
            calls.computeIfAbsent(call, c -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - started);
            return result;
        }

        void cycle(long nanos) {
            cycles.add(nanos);
        }
    }

    /**
     * CPU seconds of the measured JVM, of MariaDB and of this driver (its clients share the cores with
     * both; none apart when the driver is the measured JVM, as the bare engine's), and MariaDB's
     * statement counters, at one moment.
     */
    record Sample(long nanos, double jvmCpu, Map<String, Double> jitCpu, double dbCpu, double driverCpu, Map<String, Long> counters) {
        static Sample take(String root, String pid) throws Exception {
            String self = String.valueOf(ProcessHandle.current().pid());
            return new Sample(System.nanoTime(), FeedbackLoad.cpuSeconds(pid), jitSeconds(pid), FeedbackLoad.cpuSeconds(mariadbPid()),
                    self.equals(pid) ? 0 : FeedbackLoad.cpuSeconds(self), RouteLoad.counters(root));
        }
    }

    /**
     * CPU seconds of each of the JVM's JIT compiler threads (C1, C2), by thread id: part of the JVM's CPU,
     * shown apart because a young node compiles for minutes, on the same cores as the calls it serves.
     */
    static Map<String, Double> jitSeconds(String pid) {
        Map<String, Double> seconds = new HashMap<>();
        try (var threads = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        seconds.put(thread.getFileName().toString(), FeedbackLoad.cpuSeconds(pid + "/task/" + thread.getFileName()));
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return seconds;
    }

    /**
     * The compiler threads' CPU between two readings, at least: the JVM ends a compiler thread that has idled
     * a while and starts one when compiling piles up; one that started in between is counted whole, one that
     * ended is left out with what it used before it idled (so the figure is a lower bound). A plain sum across
     * the readings fell by the ended thread's whole past.
     */
    static double jitSince(Map<String, Double> before, Map<String, Double> after) {
        double seconds = 0;
        for (Map.Entry<String, Double> thread : after.entrySet()) {
            seconds += thread.getValue() - before.getOrDefault(thread.getKey(), 0.0);
        }
        return seconds;
    }

    static Map<String, Long> counters(String root) throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(root); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show global status where variable_name in ('"
                        + String.join("','", COUNTERS) + "')")) {
            while (r.next()) {
                values.put(r.getString(1), r.getLong(2));
            }
        }
        return values;
    }

    private static String mariadbPid() {
        if (System.getProperty("bench.mariadb.pid") != null) {
            return System.getProperty("bench.mariadb.pid");
        }
        try {
            Process p = new ProcessBuilder("pidof", "mariadbd").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return out.isEmpty() ? null : out.split(" ")[0];
        } catch (IOException e) {
            return null;
        }
    }

    static Map<String, Object> phaseResult(String what, String mode, int clients, int seconds, Tally tally, Sample before,
            Sample after) {
        double elapsed = (after.nanos() - before.nanos()) / 1e9;
        int cycles = tally.cycles.size();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("what", what);
        r.put("mode", mode);
        r.put("clients", clients);
        r.put("seconds", round(elapsed));
        r.put("cycles", cycles);
        r.put("cyclesPerSecond", round(cycles / elapsed));
        r.put("cycleMillis", percentiles(tally.cycles));
        r.put("jvmCpuMillisPerCycle", round(cycles == 0 ? 0 : (after.jvmCpu() - before.jvmCpu()) * 1000 / cycles));
        r.put("jitCpuMillisPerCycle", round(cycles == 0 ? 0 : jitSince(before.jitCpu(), after.jitCpu()) * 1000 / cycles));
        r.put("mariadbCpuMillisPerCycle", round(cycles == 0 ? 0 : (after.dbCpu() - before.dbCpu()) * 1000 / cycles));
        r.put("driverCpuMillisPerCycle", round(cycles == 0 ? 0 : (after.driverCpu() - before.driverCpu()) * 1000 / cycles));
        Map<String, Object> sql = new LinkedHashMap<>();
        for (String counter : COUNTERS) {
            long delta = after.counters().getOrDefault(counter, 0L) - before.counters().getOrDefault(counter, 0L);
            sql.put(counter, round(cycles == 0 ? 0 : delta / (double) cycles));
        }
        r.put("sqlPerCycle", sql);
        Map<String, Object> calls = new TreeMap<>();
        tally.calls.forEach((call, nanos) -> calls.put(call, percentiles(nanos)));
        r.put("calls", calls);
        return r;
    }

    static Map<String, Object> percentiles(ConcurrentLinkedQueue<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n", sorted.size());
        for (int q : new int[] {50, 95, 99}) {
            p.put("p" + q, sorted.isEmpty() ? 0 : round(sorted.get(Math.min(sorted.size() - 1,
                    (int) Math.ceil(q / 100.0 * sorted.size()) - 1)) / 1e6));
        }
        return p;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A readable block for one phase. */
    @SuppressWarnings("unchecked")
    static String line(Map<String, Object> r, double bare) {
        StringBuilder out = new StringBuilder();
        double rate = (double) r.get("cyclesPerSecond");
        Map<String, Object> sql = (Map<String, Object>) r.get("sqlPerCycle");
        double statements = 0;
        for (String c : List.of("Com_select", "Com_insert", "Com_update", "Com_delete")) {
            statements += (double) sql.get(c);
        }
        out.append(String.format("%n== %s, %d clients: %.2f cycles/s%s; cycle p50 %s ms; CPU per cycle: JVM %s ms (JIT %s), MariaDB %s ms%s;"
                + " SQL per cycle: %.0f statements (select %s, insert %s, update %s, delete %s), %s commits%n",
                r.get("what"), r.get("clients"), rate, bare > 0 ? String.format(" (%.2f x bare)", rate / bare) : "",
                ((Map<String, Object>) r.get("cycleMillis")).get("p50"), r.get("jvmCpuMillisPerCycle"), r.get("jitCpuMillisPerCycle"), r.get("mariadbCpuMillisPerCycle"),
                (double) r.get("driverCpuMillisPerCycle") > 0 ? ", driver " + r.get("driverCpuMillisPerCycle") + " ms" : "", statements, sql.get("Com_select"), sql.get("Com_insert"), sql.get("Com_update"), sql.get("Com_delete"), sql.get("Com_commit")));
        out.append("| call | n | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        ((Map<String, Object>) r.get("calls")).forEach((call, p) -> {
            Map<String, Object> q = (Map<String, Object>) p;
            out.append(String.format("| %s | %s | %s | %s | %s |%n", call, q.get("n"), q.get("p50"), q.get("p95"), q.get("p99")));
        });
        return out.toString();
    }

    static void writeJson(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), value);
    }

    /** One user's way of calling the API: a logged-in session (cookie + CSRF header) or an API token. */
    static final class Caller {
        private static final Duration TIMEOUT = Duration.ofSeconds(60);
        private final String base;
        private final HttpClient client;
        private String authorization;
        private String csrf;
        private String cookie;
        private Wire wire;

        private Caller(String base, HttpClient client) {
            this.base = base;
            this.client = client;
        }

        static Caller of(String mode, String base, String user) throws Exception {
            if (mode.equals("token")) {
                Caller basic = new Caller(base, HttpClient.newHttpClient());
                basic.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
                JsonNode token = basic.send("POST", "/api/me/tokens", Map.of("name", "route bench " + System.nanoTime()), 201);
                Caller caller = new Caller(base, HttpClient.newHttpClient());
                caller.authorization = "Bearer " + token.get("token").asText();
                return caller;
            }
            CookieManager cookies = new CookieManager();
            Caller caller = new Caller(base, HttpClient.newBuilder().cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER).build());
            String token = caller.csrfFromLoginPage();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo&_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpResponse<String> login = caller.client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("login as " + user + " failed: " + login.statusCode() + " " + location);
            }
            caller.csrf = caller.csrfFromLoginPage(); // the token changes at login
            caller.cookie = cookies.getCookieStore().get(URI.create(base)).stream()
                    .map(c -> c.getName() + "=" + c.getValue()).reduce((a, b) -> a + "; " + b).orElseThrow();
            return caller;
        }

        private String csrfFromLoginPage() throws Exception {
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF_INPUT.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            return m.group(1);
        }

        JsonNode send(String method, String path, Object body, int expected) throws Exception {
            if (wire == null) {
                wire = new Wire(URI.create(base));
            }
            StringBuilder headers = new StringBuilder("Accept: application/json\r\n");
            if (authorization != null) {
                headers.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (cookie != null) {
                headers.append("Cookie: ").append(cookie).append("\r\n");
            }
            if (csrf != null && !method.equals("GET")) {
                headers.append("X-CSRF-TOKEN: ").append(csrf).append("\r\n");
            }
            byte[] content = body == null ? null : JSON.writeValueAsBytes(body);
            Wire.Response response = wire.exchange(method, path, headers, content);
            if (response.status() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": " + response.body());
            }
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection, blocking, for one caller's thread. The driver shares the
     * machine's cores with the node and MariaDB, and the JDK's asynchronous HttpClient spent several
     * times the CPU per call of this (a selector thread, a timer per request, hand-offs between
     * threads); what the driver spends is not the node's to use (docs/performance.md).
     */
    static final class Wire {
        record Response(int status, String body) {
        }

        /** Tomcat closes a connection idle for 20 s or more (its default); one idle for 5 s is not reused. */
        private static final long IDLE = 5_000_000_000L;
        private final URI base;
        private long lastUsed;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;

        Wire(URI base) {
            this.base = base;
        }

        Response exchange(String method, String path, CharSequence headers, byte[] content) throws IOException {
            java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream(512 + (content == null ? 0 : content.length));
            StringBuilder head = new StringBuilder(method).append(' ').append(base.getRawPath().replaceAll("/$", "")).append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(port()).append("\r\n").append(headers);
            if (content != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            } else if (!method.equals("GET")) {
                head.append("Content-Length: 0\r\n");
            }
            request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (content != null) {
                request.writeBytes(content);
            }
            if (socket != null && System.nanoTime() - lastUsed > IDLE) {
                close(); // the server may be closing it (its keep-alive timeout): a change is never sent on such a one
            }
            boolean reused = socket != null;
            try {
                return exchange(method, request);
            } catch (IOException e) {
                close();
                if (!reused || !(e instanceof Unanswered) || !method.equals("GET")) {
                    throw e; // a change the server may have made before it closed is not sent twice
                }
                return exchange(method, request); // a read on a connection the server had closed
            } finally {
                lastUsed = System.nanoTime();
            }
        }

        private int port() {
            return base.getPort() > 0 ? base.getPort() : 80;
        }

        private Response exchange(String method, java.io.ByteArrayOutputStream request) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket();
                socket.connect(new java.net.InetSocketAddress(base.getHost(), port()), 10_000);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(60_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
            }
            request.writeTo(out);
            out.flush();
            String status = line(true);
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false, close = false;
            for (String header = line(false); !header.isEmpty(); header = line(false)) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim(), value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (code < 200 || code == 204 || code == 304 || method.equals("HEAD")) {
                // no body, whatever the headers say
            } else if (chunked) {
                for (int size = Integer.parseInt(line(false).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(false).split(";")[0].trim(), 16)) {
                    body.writeBytes(exactly(size));
                    line(false);
                }
                for (String trailer = line(false); !trailer.isEmpty(); trailer = line(false)) {
                    // trailers: none expected
                }
            } else if (length > 0) {
                body.writeBytes(exactly((int) length));
            } else if (length < 0) {
                body.writeBytes(in.readAllBytes());
                close = true;
            }
            if (close) {
                close();
            }
            return new Response(code, body.toString(StandardCharsets.UTF_8));
        }

        private byte[] exactly(int n) throws IOException {
            byte[] read = in.readNBytes(n);
            if (read.length < n) {
                throw new java.io.EOFException("the connection closed mid-body (" + read.length + " of " + n + " bytes)");
            }
            return read;
        }

        /** A line of the response head; {@code first}: nothing read yet, so a closed connection is {@link Unanswered}. */
        private String line(boolean first) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    if (first && line.isEmpty()) {
                        throw new Unanswered();
                    }
                    throw new java.io.EOFException("the connection closed mid-response");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }

        private static final class Unanswered extends IOException {
            Unanswered() {
                super("the connection closed before an answer");
            }
        }
    }
}
