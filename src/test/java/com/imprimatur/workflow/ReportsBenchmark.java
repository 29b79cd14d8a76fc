package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.TestDatabase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reports at scale, opt-in: {@code ./mvnw -B -Pbench-reports test} (or {@code -Dbench=true
 * -Dtest=ReportsBenchmark}). On the queue benchmark's seeded database (100,000 open tasks, their
 * engine rows and read model, 400,000 task and 600,000 activity history rows) it adds, with bulk
 * multi-row SQL, 1,000,000 more task history rows over three years (every step, four assignees,
 * 5 % deleted), 100,000 articles with a revision each (80 % published, reviewed over the last
 * year), 300,000 audit events (100,000 publications), 200,000 reader reports and 300,000 decisions;
 * then times each report over HTTP as an editor. Prints p50/p95 per report and writes
 * target/bench/reports.json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ReportsBenchmark {

    static final int HISTORY_ROWS = 1_000_000;
    static final int ARTICLES = 100_000;
    private static final int OFFSET = 1_000_000;
    private static final int WARM_UP = 20;
    private static final int RUNS = 200;
    private static final double TARGET_P95_MS = 200;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Connection db = TestDatabase.get();
        String url = db.freshSibling(System.getenv().getOrDefault("IMPRIMATUR_BENCH_DB_NAME", "imprimatur_bench_reports"));
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RepositoryService repository;

    @Test
    void reportsAtAMillionHistoryRows() throws Exception {
        long seeding = System.nanoTime();
        TaskQueueBenchmark.seed(jdbc, repository);
        seed();
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        long history = jdbc.queryForObject("select count(*) from ACT_HI_TASKINST", Long.class);
        long articles = jdbc.queryForObject("select count(*) from article", Long.class);
        assertThat(history).isGreaterThanOrEqualTo(HISTORY_ROWS);
        assertThat(articles).isGreaterThanOrEqualTo(ARTICLES);

        HttpClient editor = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        login(editor, "editor");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("GET /api/reports/turnaround (last 90 days)", "/api/reports/turnaround");
        calls.put("GET /api/reports/turnaround (a whole year)", "/api/reports/turnaround?from=" + today.minusDays(365) + "&to=" + today);
        calls.put("GET /api/reports/workload", "/api/reports/workload");
        calls.put("GET /api/reports/feedback (last 90 days)", "/api/reports/feedback");
        calls.put("GET /api/reports/feedback (a whole year)", "/api/reports/feedback?from=" + today.minusDays(365) + "&to=" + today);
        for (String figure : List.of("published", "open-work", "overdue", "plagiarism", "rereview")) {
            calls.put("figure " + figure + " (CSV, last 90 days)", "/reports/export?figure=" + figure);
        }
        calls.put("the whole /reports page (9 figures, 90 days)", "/reports");
        Map<String, double[]> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> call : calls.entrySet()) {
            HttpResponse<String> first = get(editor, call.getValue());
            assertThat(first.statusCode()).as(call.getKey() + ": " + first.body()).isEqualTo(200);
            results.put(call.getKey(), time(() -> get(editor, call.getValue()).statusCode()));
        }
        report(results, history, articles, seedSeconds);
    }

    private void seed() {
        String seq = "seq_1_to_";
        // task history over three years: every step, four people, a duration of up to ten days, 5 % deleted
        String key = "case when seq % 100 < 45 then 'medicalReview' when seq % 100 < 60 then 'revise'"
                + " when seq % 100 < 65 then 'resolvePlagiarism' when seq % 100 < 90 then 'approvePublication' else 'triageReport' end";
        String assignee = "case seq % 4 when 0 then 'reviewer' when 1 then 'reviewer2' when 2 then 'editor' else 'writer' end";
        String end = "utc_timestamp() - interval (seq * 95) second";
        String duration = "((seq * 7919) % 864000) * 1000";
        jdbc.execute("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_,"
                + " NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, TASK_STATE_)"
                + " select concat('rt-', seq), " + key + ", 'article-review', concat('rp-', seq div 5), concat('rp-', seq div 5),"
                + " concat('rp-', seq div 5), 'Task', " + assignee + ", " + end + " - interval (" + duration + " div 1000) second, " + end
                + ", " + duration + ", case when seq % 20 = 0 then 'deleted' else 'completed' end, 50,"
                + " case when seq % 20 = 0 then 'Deleted' else 'Completed' end from " + seq + HISTORY_ROWS);
        // articles, each with one revision; 80 % published, last reviewed over the last year
        jdbc.execute("insert into article (id, slug, created_by, created_at, status, current_revision, published_revision,"
                + " first_published_at, published_at, last_reviewed_at, reviewed_by) select " + OFFSET + " + seq, concat('bench-', seq),"
                + " 'writer', utc_timestamp() - interval 2 year, case when seq % 5 = 0 then 'IN_REVIEW' else 'PUBLISHED' end, 1,"
                + " case when seq % 5 = 0 then null else 1 end, utc_timestamp() - interval 400 day, utc_timestamp() - interval 400 day,"
                + " utc_timestamp() - interval (seq * 313) second, 'reviewer' from " + seq + ARTICLES);
        jdbc.execute("insert into revision (id, article_id, number, title, summary, body, created_by, created_at, content_sha256)"
                + " select " + OFFSET + " + seq, " + OFFSET + " + seq, 1, concat('Benchmark article ', seq), 'Summary', 'Body (1).',"
                + " 'writer', utc_timestamp() - interval 2 year, repeat('0', 64) from " + seq + ARTICLES);
        // the audit trail: 300,000 events over two years, a third of them publications (outside the chain: never verified here)
        jdbc.execute("insert into audit_event (seq, occurred_at, actor, type, article_id, revision_number, details, prev_hash, hash, mac)"
                + " select 10000000 + seq, utc_timestamp() - interval (seq * 210) second, 'editor',"
                + " case when seq % 3 = 0 then 'revision.published' when seq % 3 = 1 then 'task.claimed' else 'task.completed' end,"
                + " " + OFFSET + " + seq % " + ARTICLES + " + 1, 1, '{}', sha2(concat('bench-prev-', seq), 256), sha2(concat('bench-', seq), 256),"
                + " sha2(concat('bench-mac-', seq), 256)"
                + " from " + seq + "300000");
        // reader reports over two years
        jdbc.execute("insert into feedback_report (public_id, article_id, revision_number, reason, comment, client_hash, state, created_at)"
                + " select uuid(), " + OFFSET + " + seq % " + ARTICLES + " + 1, 1,"
                + " elt(seq % 4 + 1, 'INACCURATE', 'OUTDATED', 'QUESTIONABLE', 'OTHER'), 'A reader report',"
                + " repeat('a', 64), elt(seq % 3 + 1, 'RECEIVED', 'REVIEW_REOPENED', 'DISMISSED'),"
                + " utc_timestamp() - interval (seq * 315) second from " + seq + "200000");
        // decisions over two years: medical reviews, publication approvals, plagiarism resolutions
        jdbc.execute("insert into decision (article_id, revision_id, revision_number, task_id, task_key, actor, decision, decided_at)"
                + " select " + OFFSET + " + seq % " + ARTICLES + " + 1, " + OFFSET + " + seq % " + ARTICLES + " + 1, 1, concat('bd-', seq),"
                + " elt(seq % 3 + 1, 'medicalReview', 'approvePublication', 'resolvePlagiarism'), 'editor',"
                + " case seq % 3 when 0 then 'APPROVE' when 1 then 'PUBLISH' else elt(seq % 2 + 1, 'DISMISS', 'RETURN_TO_WRITER') end,"
                + " utc_timestamp() - interval (seq * 210) second from " + seq + "300000");
        // a tenth of the open medical reviews are past due
        jdbc.execute("update task_queue set due = utc_timestamp() - interval (crc32(task_id) % 400) hour,"
                + " due_order = utc_timestamp() - interval (crc32(task_id) % 400) hour where task_key = 'medicalReview' and crc32(task_id) % 10 = 0");
        for (String table : List.of("ACT_HI_TASKINST", "article", "revision", "audit_event", "feedback_report", "decision", "task_queue")) {
            jdbc.execute("analyze table " + table);
        }
    }

    private interface Call {
        int run() throws Exception;
    }

    private static double[] time(Call call) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            assertThat(call.run()).isEqualTo(200);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private void report(Map<String, double[]> results, long history, long articles, double seedSeconds) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nReports benchmark: %,d task history rows, %,d articles, %d cores, seeded in %.0f s;"
                + " %d runs each after %d to warm up%n", history, articles, Runtime.getRuntime().availableProcessors(), seedSeconds, RUNS,
                WARM_UP));
        table.append(String.format(Locale.ROOT, "%-52s %9s %9s %9s %s%n", "report", "p50 ms", "p95 ms", "max ms", "p95 <= 200 ms"));
        List<String> json = new ArrayList<>();
        results.forEach((name, ms) -> {
            double p95 = percentile(ms, 0.95);
            table.append(String.format(Locale.ROOT, "%-52s %9.1f %9.1f %9.1f %s%n", name, percentile(ms, 0.5), p95, ms[ms.length - 1],
                    p95 <= TARGET_P95_MS ? "met" : "MISSED"));
            json.add(String.format(Locale.ROOT, "    {\"report\": \"%s\", \"p50Ms\": %.1f, \"p95Ms\": %.1f, \"maxMs\": %.1f}", name,
                    percentile(ms, 0.5), p95, ms[ms.length - 1]));
        });
        System.out.println(table);
        String body = String.format(Locale.ROOT, "{%n  \"historyRows\": %d,%n  \"articles\": %d,%n  \"cores\": %d,%n  \"runs\": %d,%n"
                + "  \"results\": [%n%s%n  ]%n}%n", history, articles, Runtime.getRuntime().availableProcessors(), RUNS, String.join(",\n", json));
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("reports.json"), body);
        Files.writeString(out.resolve("reports.txt"), table);
    }

    private void login(HttpClient client, String user) throws Exception {
        TaskQueueBenchmark.login(client, port, user);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return TaskQueueBenchmark.get(client, port, path);
    }
}
