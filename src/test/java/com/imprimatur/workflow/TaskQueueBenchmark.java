package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.TestDatabase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The queue at scale, opt-in: {@code ./mvnw -B -Pbenchmark test} (not part of {@code verify}).
 * In a dedicated database ({@code imprimatur_bench} beside the test database), bulk SQL seeds
 * 100,000 open tasks (engine tables and read model alike) and 1,000,000 history rows, then times, in
 * the same run, a physician's claimable queue through our API and page (page of 50 with counts)
 * and through Camunda's own task query. Prints a table and writes target/benchmark/task-queue.json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskQueueBenchmark {

    static final int OPEN_TASKS = 100_000;
    static final int HISTORY_ROWS = 1_000_000;
    private static final int WARM_UP = 30;
    private static final int RUNS = 300;
    /** Camunda's query takes most of a second at this size: fewer runs keep the benchmark within minutes. */
    private static final int ENGINE_WARM_UP = 5;
    private static final int ENGINE_RUNS = 60;
    private static final String DOC = "A physician who did not write the revision checks it and every reference: APPROVE "
            + "(all references VERIFIED), REQUEST_CHANGES or REJECT.";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Connection db = TestDatabase.get();
        String url = db.freshSibling(System.getenv().getOrDefault("IMPRIMATUR_BENCH_DB_NAME", "imprimatur_bench"));
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService engine;

    @Autowired
    RepositoryService repository;

    @Test
    void queueAt100000OpenTasks() throws Exception {
        long seeding = System.nanoTime();
        seed();
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        login(browser, "reviewer");

        HttpResponse<String> api = get(browser, "/api/tasks?queue=available&size=50");
        assertThat(api.statusCode()).isEqualTo(200);
        long claimable = Long.parseLong(api.headers().firstValue("X-Total-Count").orElseThrow());
        TaskQuery camundaQuery = engine.createTaskQuery().taskCandidateGroupIn(List.of("medical-reviewers")).taskUnassigned();
        assertThat(claimable).isEqualTo(camundaQuery.count());

        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("our queue API (GET /api/tasks?queue=available&size=50, with count)",
                time(WARM_UP, RUNS, () -> get(browser, "/api/tasks?queue=available&size=50").statusCode()));
        results.put("our queue page (GET /tasks: my tasks + claimable, 25 each, with counts)",
                time(WARM_UP, RUNS, () -> get(browser, "/tasks").statusCode()));
        results.put("Camunda task query (candidate group, unassigned, by create time, page of 50)",
                time(ENGINE_WARM_UP, ENGINE_RUNS, () -> engine.createTaskQuery().taskCandidateGroupIn(List.of("medical-reviewers")).taskUnassigned()
                        .orderByTaskCreateTime().asc().listPage(0, 50).size()));
        results.put("Camunda task query, page of 50 + count",
                time(ENGINE_WARM_UP, ENGINE_RUNS, () -> engine.createTaskQuery().taskCandidateGroupIn(List.of("medical-reviewers")).taskUnassigned()
                        .orderByTaskCreateTime().asc().listPage(0, 50).size()
                        + (int) engine.createTaskQuery().taskCandidateGroupIn(List.of("medical-reviewers")).taskUnassigned().count()));
        report(results, claimable, seedSeconds);
    }

    private void seed() {
        seed(jdbc, repository);
    }

    /** The queue's seeded database: open tasks with their engine rows and read model, and history; reused by ReportsBenchmark. */
    static void seed(JdbcTemplate jdbc, RepositoryService repository) {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("article-review").latestVersion()
                .singleResult().getId();
        String seq = "seq_1_to_" + OPEN_TASKS;
        // n mod 100: 0-79 medical review (of which every 20th held by reviewer, every 20th+1 by reviewer2),
        // 80-89 revise (the writer's), 90-96 approve publication, 97-99 resolve plagiarism
        String key = "case when seq % 100 < 80 then 'medicalReview' when seq % 100 < 90 then 'revise'"
                + " when seq % 100 < 97 then 'approvePublication' else 'resolvePlagiarism' end";
        String name = "case when seq % 100 < 80 then 'Medical review' when seq % 100 < 90 then 'Revise'"
                + " when seq % 100 < 97 then 'Approve publication' else 'Resolve plagiarism finding' end";
        String writer = "case when seq % 2 = 0 then 'writer' else 'writer2' end";
        String assignee = "case when seq % 100 < 80 and seq % 20 = 0 then 'reviewer' when seq % 100 < 80 and seq % 20 = 1 then 'reviewer2'"
                + " when seq % 100 between 80 and 89 then " + writer + " when seq % 100 >= 90 and seq % 50 = 0 then 'editor' else null end";
        String group = "case when seq % 100 < 80 then 'medical-reviewers' when seq % 100 < 90 then null else 'editors' end";
        String created = "timestamp('2026-01-01') + interval (seq * 17) second";
        jdbc.execute("insert into ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, ACT_ID_,"
                + " ACT_INST_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, CACHED_ENT_STATE_, SEQUENCE_COUNTER_)"
                + " select concat('bi-', seq), 1, concat('bi-', seq), concat('bi-', seq), seq, '" + definition + "', " + key
                + ", concat('ba-', seq), 1, 0, 1, 0, 1, 0, 1 from " + seq);
        jdbc.execute("insert into ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, DESCRIPTION_, TASK_DEF_KEY_,"
                + " ASSIGNEE_, PRIORITY_, CREATE_TIME_, LAST_UPDATED_, DUE_DATE_, SUSPENSION_STATE_, TASK_STATE_)"
                + " select concat('bt-', seq), 1, concat('bi-', seq), concat('bi-', seq), '" + definition + "', " + name + ", '" + DOC
                + "', " + key + ", " + assignee + ", 50, " + created + ", " + created + ", case when seq % 100 < 80 then " + created
                + " + interval 7 day else null end, 1, 'Created' from " + seq);
        jdbc.execute("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) select concat('bl-', seq), 1, " + group
                + ", 'candidate', concat('bt-', seq) from " + seq + " where seq % 100 < 80 or seq % 100 >= 90");
        String variable = "insert into ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, LONG_, TEXT_,"
                + " VAR_SCOPE_, SEQUENCE_COUNTER_, IS_CONCURRENT_LOCAL_) select concat('%s-', seq), 1, '%s', '%s', concat('bi-', seq),"
                + " concat('bi-', seq), '" + definition + "', %s, %s, concat('bi-', seq), 1, 0 from " + seq;
        jdbc.execute(String.format(variable, "bva", "long", "articleId", "seq", "seq"));
        jdbc.execute(String.format(variable, "bvr", "integer", "revision", "1", "'1'"));
        jdbc.execute(String.format(variable, "bvw", "string", "authors", "null", writer));
        // history: 600,000 activity instances and 400,000 task instances of cycles long finished
        int activities = HISTORY_ROWS * 6 / 10;
        jdbc.execute("insert into ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_,"
                + " ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_, SEQUENCE_COUNTER_)"
                + " select concat('ha-', seq), 'article-review', '" + definition + "', concat('hp-', seq div 6), concat('hp-', seq div 6),"
                + " concat('hp-', seq div 6), 'medicalReview', 'Medical review', 'userTask', timestamp('2025-01-01') + interval seq second,"
                + " timestamp('2025-01-02') + interval seq second, 86400000, 1, 1 from seq_1_to_" + activities);
        jdbc.execute("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
                + " EXECUTION_ID_, ACT_INST_ID_, NAME_, DESCRIPTION_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, TASK_STATE_)"
                + " select concat('ht-', seq), 'medicalReview', 'article-review', '" + definition + "', concat('hp-', seq div 4),"
                + " concat('hp-', seq div 4), concat('hp-', seq div 4), concat('ha-', seq), 'Medical review', '" + DOC + "', 'reviewer',"
                + " timestamp('2025-01-01') + interval seq second, timestamp('2025-01-02') + interval seq second, 86400000, 'completed', 50,"
                + " 'Completed' from seq_1_to_" + (HISTORY_ROWS - activities));
        // the read model, as the task listener would have written it for these tasks
        jdbc.execute("insert into task_queue (task_id, task_key, name, process_instance_id, article_id, revision, title, candidate_group,"
                + " assignee, created, due, due_order) select t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.PROC_INST_ID_, v.LONG_, 1,"
                + " concat('Benchmark article ', v.LONG_), l.GROUP_ID_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_,"
                + " coalesce(t.DUE_DATE_, '9999-12-31') from ACT_RU_TASK t join ACT_RU_VARIABLE v on v.ID_ = concat('bva-', substring(t.ID_, 4))"
                + " left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ where t.ID_ like 'bt-%'");
        jdbc.execute("insert into task_queue_author (task_id, username) select concat('bt-', seq), " + writer + " from " + seq
                + " where seq % 100 < 80 or seq % 100 >= 90");
        for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE", "ACT_HI_ACTINST",
                "ACT_HI_TASKINST", "task_queue", "task_queue_author")) {
            jdbc.execute("analyze table " + table);
        }
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class)).isGreaterThanOrEqualTo(OPEN_TASKS);
        assertThat(jdbc.queryForObject("select count(*) from task_queue", Long.class)).isGreaterThanOrEqualTo(OPEN_TASKS);
    }

    /** Milliseconds of each timed run, sorted, after warming up. */
    private static double[] time(int warmUp, int runs, Callable<Integer> call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.call();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            int status = call.call();
            ms.add((System.nanoTime() - start) / 1e6);
            assertThat(status).isPositive();
        }
        Collections.sort(ms);
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private void report(Map<String, double[]> results, long claimable, double seedSeconds) throws IOException {
        List<String> names = List.copyOf(results.keySet());
        double ourApi = percentile(results.get(names.get(0)), 0.95);
        double ourPage = percentile(results.get(names.get(1)), 0.95);
        double camunda = percentile(results.get(names.get(2)), 0.95);
        double camundaWithCount = percentile(results.get(names.get(3)), 0.95);
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nTask queue benchmark: %,d open tasks (%,d claimable by a physician), %,d history rows, "
                + "%d cores, seeded in %.0f s; ours %d runs after %d to warm up, Camunda's %d after %d%n", OPEN_TASKS, claimable,
                HISTORY_ROWS, Runtime.getRuntime().availableProcessors(), seedSeconds, RUNS, WARM_UP, ENGINE_RUNS, ENGINE_WARM_UP));
        table.append(String.format(Locale.ROOT, "%-82s %9s %9s %9s%n", "what", "p50 ms", "p95 ms", "max ms"));
        results.forEach((name, ms) -> table.append(String.format(Locale.ROOT, "%-82s %9.1f %9.1f %9.1f%n", name,
                percentile(ms, 0.50), percentile(ms, 0.95), ms[ms.length - 1])));
        table.append(String.format(Locale.ROOT, "API p95 %.1f ms (target <= 65): %s; page p95 %.1f ms (target <= 150): %s;"
                + " Camunda (page + count) / our API at p95: %.1fx (target >= 10x): %s%n", ourApi, ourApi <= 65 ? "met" : "MISSED",
                ourPage, ourPage <= 150 ? "met" : "MISSED", camundaWithCount / ourApi, camundaWithCount / ourApi >= 10 ? "met" : "MISSED"));
        System.out.println(table);
        StringBuilder json = new StringBuilder("{\n");
        json.append(String.format(Locale.ROOT, "  \"openTasks\": %d,%n  \"claimableByPhysician\": %d,%n  \"historyRows\": %d,%n"
                + "  \"cores\": %d,%n  \"runs\": {\"ours\": %d, \"camunda\": %d},%n", OPEN_TASKS, claimable, HISTORY_ROWS,
                Runtime.getRuntime().availableProcessors(), RUNS, ENGINE_RUNS));
        json.append(String.format(Locale.ROOT, "  \"p95Ms\": {\"ourApi\": %.1f, \"ourPage\": %.1f, \"camundaQuery\": %.1f, \"camundaQueryAndCount\": %.1f},%n",
                ourApi, ourPage, camunda, camundaWithCount));
        json.append(String.format(Locale.ROOT, "  \"speedup\": %.1f%n}%n", camundaWithCount / ourApi));
        Path out = Path.of("target", "benchmark");
        Files.createDirectories(out);
        Files.writeString(out.resolve("task-queue.json"), json);
        Files.writeString(out.resolve("task-queue.txt"), table);
    }

    private void login(HttpClient client, String user) throws Exception {
        login(client, port, user);
    }

    /** Signs a demo user in through the login form, so the client carries a session (shared with ReportsBenchmark). */
    static void login(HttpClient client, int port, String user) throws Exception {
        HttpResponse<String> page = get(client, port, "/login");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> in = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return get(client, port, path);
    }

    static HttpResponse<String> get(HttpClient client, int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
