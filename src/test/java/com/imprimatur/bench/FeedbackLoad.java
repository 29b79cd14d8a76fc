package com.imprimatur.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the readers' feedback endpoint, from a process of its own on loopback (run by
 * bench/feedback-load.sh against a running service). Phases: a warm-up mix; a realistic mix of
 * readers' reports; then the editors' queue alone (the baseline, over the queue the mix has filled)
 * alternating with a flood from one client while editors work.
 * Then every acknowledged report id is looked up in the database. Prints a table and writes
 * target/bench/feedback-load.json.
 */
public final class FeedbackLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String jdbcUrl;
    private final String appPid;
    private final String profilePid;
    private final List<String> slugs = new ArrayList<>();

    private FeedbackLoad(String base, String jdbcUrl, String appPid, boolean profile) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.appPid = appPid;
        this.profilePid = profile ? appPid : null;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        FeedbackLoad load = new FeedbackLoad(opts.getOrDefault("base", "http://127.0.0.1:8080"),
                opts.getOrDefault("jdbc", "jdbc:mariadb://127.0.0.1:3306/imprimatur_bench?user=root"), opts.get("app-pid"),
                opts.containsKey("profile"));
        load.run(Integer.parseInt(opts.getOrDefault("articles", "200")),
                Integer.parseInt(opts.getOrDefault("seconds", "30")),
                Integer.parseInt(opts.getOrDefault("threads", "16")),
                Integer.parseInt(opts.getOrDefault("flood-rate", "1000")));
    }

    private void run(int articles, int seconds, int threads, int floodRate) throws Exception {
        seed(articles);
        HttpClient editor = editorSession();
        warmUp(editor);

        // the readers' path warmed up (compiled by the JIT) before it is measured; its reports count too
        String warmUp = wrk("mix", threads, threads, 10, Map.of("MIX_SLUGS", String.join(",", slugs), "MIX_RUN", "1"));
        Set<String> warmUpAccepted = newReports(warmUp);
        double appCpuBefore = cpuSeconds(appPid);
        double dbCpuBefore = cpuSeconds(databasePid());
        if (profilePid != null) {
            // a flight recording of the service during the mix: target/bench/mix.jfr
            new ProcessBuilder("jcmd", profilePid, "JFR.start", "settings=profile", "duration=" + seconds + "s",
                    "filename=" + Path.of("target", "bench", "mix.jfr").toAbsolutePath()).inheritIO().start().waitFor();
        }
        // readers, from wrk: one connection per thread, so each answer belongs to the request just sent
        String mixOutput = wrk("mix", threads, threads, seconds, Map.of("MIX_SLUGS", String.join(",", slugs), "MIX_RUN", "2"));
        Set<String> mixAccepted = newReports(mixOutput);
        if (mixAccepted.stream().anyMatch(warmUpAccepted::contains)) {
            throw new IllegalStateException("a report of the measured mix got an id of the warm-up");
        }
        Matcher mix = Pattern.compile("MIX accepted=(\\d+) repeats=(\\d+) mismatches=(\\d+) invalid=(\\d+) other=(\\d+)")
                .matcher(mixOutput);
        if (!mix.find()) {
            throw new IllegalStateException("no summary in wrk's output:\n" + mixOutput);
        }
        long accepted = Long.parseLong(mix.group(1));
        double appCpu = cpuSeconds(appPid) - appCpuBefore;
        double dbCpu = cpuSeconds(databasePid()) - dbCpuBefore;
        long mixRequests = Long.parseLong(find(mixOutput, "(\\d+) requests in"));
        if (Long.parseLong(mix.group(3)) > 0) {
            throw new IllegalStateException(mix.group(3) + " repeated reports got a new id");
        }

        // the editors' queue alone and during the flood, over the same data (the mix has just filled the
        // queue), in alternating 5 s windows so that any disturbance from outside (another process, a
        // pause) falls on both alike; `seconds` of each. The flood comes from a process of its own
        // (wrk), so that neither its work nor its garbage shares a JVM with the editor being measured.
        Latencies baseline = new Latencies();
        Latencies during = new Latencies();
        List<Flood> windows = new ArrayList<>();
        ExecutorService editorThread = Executors.newSingleThreadExecutor();
        for (int round = 0; round < Math.max(1, seconds / 5); round++) {
            baseline.addAll(editorQueue(editor, 5, () -> false));
            var editorsDuringFlood = editorThread.submit(() -> editorQueue(editor, 5, () -> false));
            windows.add(flood(5, floodRate));
            during.addAll(editorsDuringFlood.get());
        }
        editorThread.shutdown();
        Flood flood = Flood.of(windows);
        Set<String> acceptedFromFlooder = flood.accepted();
        long inFlight = 2L * threads + flood.connections();

        long stored = count("select count(*) from feedback_report");
        long triageTasks = count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'triageReport'");
        // each report has exactly one triage task of its own (not merely as many tasks as reports)
        long withoutOneTask = count("select count(*) from (select r.id from feedback_report r left join task_queue q"
                + " on q.report_id = r.public_id and q.task_key = 'triageReport' group by r.id having count(q.task_id) <> 1) x");
        Set<String> acknowledged = new java.util.HashSet<>(mixAccepted);
        acknowledged.addAll(warmUpAccepted);
        acknowledged.addAll(acceptedFromFlooder);
        Set<String> missing = missing(acknowledged);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
        result.put("publishedArticles", articles);
        result.put("mixSeconds", seconds);
        result.put("mixConnections", threads);
        result.put("requests", mixRequests);
        result.put("accepted202", accepted);
        result.put("acceptedPerSecond", round(accepted / (double) seconds));
        result.put("newReportsPerSecond", round(mixAccepted.size() / (double) seconds));
        result.put("repeats202SameId", Long.parseLong(mix.group(2)));
        result.put("invalid422", Long.parseLong(mix.group(4)));
        result.put("otherStatuses", Long.parseLong(mix.group(5)));
        // CPU time the service and the database server spent during the mix (from /proc), per request answered
        result.put("serviceCpuMsPerRequest", round(1000 * appCpu / mixRequests));
        result.put("databaseCpuMsPerRequest", round(1000 * dbCpu / mixRequests));
        result.put("mixP50Ms", millis(find(mixOutput, "50%\\s+([\\d.]+\\w+)")));
        result.put("mixP99Ms", millis(find(mixOutput, "99%\\s+([\\d.]+\\w+)")));
        result.put("floodRatePerSecond", flood.ratePerSecond());
        result.put("floodRequests", flood.requests());
        result.put("flood429Count", flood.rejected());
        result.put("floodOtherStatuses", flood.otherStatuses());
        result.put("floodWorstWindowP50Ms", flood.p50Ms());
        result.put("floodWorstWindowP99Ms", flood.p99Ms());
        result.put("editorRequestsAloneDuringFlood", baseline.size() + " / " + during.size());
        result.put("editorsP50AloneDuringFloodMs", baseline.percentile(50) + " / " + during.percentile(50));
        result.put("editorsP99BaselineMs", baseline.percentile(99));
        result.put("editorsP99DuringFloodMs", during.percentile(99));
        result.put("editorsP99DegradationPercent", round(100.0 * (during.percentile(99) - baseline.percentile(99))
                / baseline.percentile(99)));
        result.put("flood202BeforeTheLimit", acceptedFromFlooder.size());
        result.put("acknowledgedReports", acknowledged.size());
        result.put("storedReports", stored);
        result.put("triageTasks", triageTasks);
        result.put("storedUnansweredInFlightAtStop", stored - acknowledged.size());
        result.put("acknowledgedButMissing", missing.size());
        result.put("reportsWithoutExactlyOneTriageTask", withoutOneTask);

        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        result.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
        Path out = Path.of("target", "bench", "feedback-load.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("\nwritten to " + out.toAbsolutePath());
        // wrk stops with one request in flight per connection: those may be stored without an answer
        // (a reader's retry would get the same id); what may never happen is an answered report missing
        if (!missing.isEmpty() || stored < acknowledged.size() || stored - acknowledged.size() > inFlight
                || triageTasks != stored || withoutOneTask != 0) {
            System.out.println("MISMATCH: acknowledged " + acknowledged.size() + ", stored " + stored + ", triage tasks "
                    + triageTasks + ", at most " + inFlight + " in flight at the end, " + withoutOneTask
                    + " reports without exactly one triage task");
            System.exit(1);
        }
    }

    /** Published articles straight into the tables (the service's own route is not what is measured here). */
    private void seed(int articles) throws Exception {
        slugs.addAll(seedPublished(jdbcUrl, articles));
    }

    /** Published articles written straight into the database (no review cycle); returns their slugs. */
    static List<String> seedPublished(String jdbcUrl, int articles) throws Exception {
        List<String> slugs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement article = c.prepareStatement("insert into article (slug, created_by, created_at, status, "
                    + "current_revision, published_revision, first_published_at, published_at, last_reviewed_at, reviewed_by) "
                    + "values (?, 'writer', ?, 'PUBLISHED', 1, 1, ?, ?, ?, 'reviewer')", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement revision = c.prepareStatement("insert into revision (article_id, number, title, summary, "
                            + "body, created_by, created_at, content_sha256) values (?, 1, ?, 'A benchmark article', ?, 'writer', ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement author = c.prepareStatement("insert into revision_author (revision_id, position, username) values (?, 0, 'writer')");
                    PreparedStatement reference = c.prepareStatement("insert into revision_reference (revision_id, position, citation) values (?, 0, 'A source')")) {
                for (int i = 0; i < articles; i++) {
                    String slug = "bench-" + i + "-" + Long.toHexString(System.nanoTime());
                    article.setString(1, slug);
                    article.setTimestamp(2, now);
                    article.setTimestamp(3, now);
                    article.setTimestamp(4, now);
                    article.setTimestamp(5, now);
                    article.executeUpdate();
                    long articleId = key(article);
                    revision.setLong(1, articleId);
                    revision.setString(2, "Benchmark article " + i);
                    revision.setString(3, ("Readers report what they find wrong in article " + i + ". ").repeat(40));
                    revision.setTimestamp(4, now);
                    revision.setString(5, "0".repeat(64));
                    revision.executeUpdate();
                    long revisionId = key(revision);
                    author.setLong(1, revisionId);
                    author.executeUpdate();
                    reference.setLong(1, revisionId);
                    reference.executeUpdate();
                    slugs.add(slug);
                }
            }
            c.commit();
        }
        return slugs;
    }

    private static long key(PreparedStatement statement) throws Exception {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /** An editor logged in through the login form, working with the session like the web tasklist. */
    private HttpClient editorSession() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher input = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>").matcher(page);
        Matcher value = input.find() ? Pattern.compile("value=\"([^\"]+)\"").matcher(input.group()) : null;
        if (value == null || !value.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=editor&password=demo&_csrf=" + URLEncoder.encode(value.group(1), StandardCharsets.UTF_8);
        client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        int status = client.send(HttpRequest.newBuilder(URI.create(base + "/api/tasks?queue=available")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("editor login failed: " + status);
        }
        return client;
    }

    private void warmUp(HttpClient editor) throws Exception {
        for (int i = 0; i < 200; i++) {
            editor.send(HttpRequest.newBuilder(URI.create(base + "/api/tasks?queue=available")).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** An editor refreshing the claimable queue every 50 ms. */
    private Latencies editorQueue(HttpClient editor, int seconds, java.util.function.BooleanSupplier stop) throws Exception {
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end && !stop.getAsBoolean()) {
            long t = System.nanoTime();
            HttpResponse<Void> r = editor.send(HttpRequest.newBuilder(URI.create(base + "/api/tasks?queue=available")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                latencies.add(System.nanoTime() - t);
            }
            Thread.sleep(50);
        }
        return latencies;
    }

    /** What wrk saw of the flood: its latency percentiles cover every answer, nearly all of them 429. */
    private record Flood(int connections, double ratePerSecond, long requests, long rejected, long otherStatuses,
            double p50Ms, double p99Ms, Set<String> accepted) {

        /** The windows together: counts added up, the worst window's p50 and p99 (wrk gives no raw latencies). */
        static Flood of(List<Flood> windows) {
            Set<String> accepted = new java.util.HashSet<>();
            windows.forEach(w -> accepted.addAll(w.accepted()));
            return new Flood(windows.get(0).connections(),
                    round(windows.stream().mapToDouble(Flood::ratePerSecond).average().orElse(0)),
                    windows.stream().mapToLong(Flood::requests).sum(), windows.stream().mapToLong(Flood::rejected).sum(),
                    windows.stream().mapToLong(Flood::otherStatuses).sum(),
                    windows.stream().mapToDouble(Flood::p50Ms).max().orElse(0),
                    windows.stream().mapToDouble(Flood::p99Ms).max().orElse(0), accepted);
        }
    }

    private Flood flood(int seconds, int rate) throws Exception {
        int pauseMs = 5;
        // each connection sends about 1000 / (pause + answer time) requests a second
        int connections = Math.max(1, (int) Math.round(rate * (pauseMs + 0.6) / 1000.0));
        String output = wrk("flood", 1, connections, seconds,
                Map.of("FLOOD_SLUGS", String.join(",", slugs), "FLOOD_PAUSE_MS", String.valueOf(pauseMs)));
        long others = Pattern.compile("^STATUS ", Pattern.MULTILINE).matcher(output).results().count();
        long requests = Long.parseLong(find(output, "(\\d+) requests in"));
        long non2xx = output.contains("Non-2xx") ? Long.parseLong(find(output, "Non-2xx or 3xx responses: (\\d+)")) : 0;
        return new Flood(connections, Double.parseDouble(find(output, "Requests/sec:\\s+([\\d.]+)")), requests, non2xx - others, others,
                millis(find(output, "50%\\s+([\\d.]+\\w+)")), millis(find(output, "99%\\s+([\\d.]+\\w+)")),
                ids(output, "ACCEPTED .*\"reportId\":\""));
    }

    /** Runs wrk with bench/{script}.lua; its output is kept in target/bench/{script}-wrk.txt. */
    private String wrk(String script, int threads, int connections, int seconds, Map<String, String> env) throws Exception {
        ProcessBuilder wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "30s", "--latency", "-s", "bench/" + script + ".lua", base).redirectErrorStream(true);
        wrk.environment().putAll(env);
        Process process = wrk.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        Files.writeString(Path.of("target", "bench", script + "-wrk.txt"), output);
        return output;
    }

    /**
     * The ids of the new reports a mix run was given ("NEW id key" lines); fails when one id was
     * given to two different reports, or one report got two ids.
     */
    private static Set<String> newReports(String output) {
        Map<String, String> keyOfId = new java.util.HashMap<>();
        Map<String, String> idOfKey = new java.util.HashMap<>();
        Matcher m = Pattern.compile("^NEW ([0-9a-f-]{36}) (.*)$", Pattern.MULTILINE).matcher(output);
        while (m.find()) {
            String earlierKey = keyOfId.put(m.group(1), m.group(2));
            String earlierId = idOfKey.put(m.group(2), m.group(1));
            if (earlierKey != null || earlierId != null) {
                throw new IllegalStateException("report id " + m.group(1) + " answered twice as new: " + m.group(2)
                        + (earlierKey != null ? " and " + earlierKey : "; the same report also got " + earlierId));
            }
        }
        return keyOfId.keySet();
    }

    /** The report ids on the lines of wrk's output that start with the prefix. */
    private static Set<String> ids(String output, String prefix) {
        Set<String> ids = new java.util.HashSet<>();
        Matcher m = Pattern.compile("^" + prefix + "([0-9a-f-]{36})", Pattern.MULTILINE).matcher(output);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** User and system CPU seconds of a process so far (0 when it cannot be read: not on Linux, not local). */
    static double cpuSeconds(String pid) {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String databasePid() {
        try {
            Process pgrep = new ProcessBuilder("pgrep", "-x", "mariadbd").start();
            String out = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return out.isEmpty() ? null : out.split("\\s+")[0];
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no '" + regex + "' in wrk's output:\n" + text);
        }
        return m.group(1);
    }

    /** wrk's durations: 812.00us, 1.23ms, 2.01s. */
    private static double millis(String value) {
        double n = Double.parseDouble(value.replaceAll("[a-z]+$", ""));
        return value.endsWith("us") ? n / 1000 : value.endsWith("ms") ? n : value.endsWith("s") ? n * 1000 : n * 60_000;
    }

    private Set<String> missing(Set<String> acknowledged) throws Exception {
        Set<String> stored = new java.util.HashSet<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select public_id from feedback_report")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        Set<String> missing = new java.util.HashSet<>(acknowledged);
        missing.removeAll(stored);
        return missing;
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Latencies in milliseconds, kept whole, sorted on demand. */
    static final class Latencies {
        private final List<Double> values = Collections.synchronizedList(new ArrayList<>());

        void add(long nanos) {
            values.add(nanos / 1e6);
        }

        void addAll(Latencies other) {
            values.addAll(other.values);
        }

        int size() {
            return values.size();
        }

        double percentile(double p) {
            List<Double> sorted;
            synchronized (values) {
                sorted = new ArrayList<>(values);
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return round(sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))));
        }
    }
}
