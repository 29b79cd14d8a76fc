package com.imprimatur.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.ImprimaturApplication;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.SessionClient;
import com.imprimatur.support.TcpProxy;
import com.imprimatur.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes on one empty database, started at the same moment, each reaching MariaDB through a
 * proxy of its own (so a test can cut one node, or both, off the database). The methods run in
 * order on the same pair: start-up, sessions, limits, a database restart, and last node A's death.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesTest {

    private static final String PASSWORD = "a passphrase for both nodes";

    private static TcpProxy proxyA;
    private static TcpProxy proxyB;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static Api apiA;
    private static Api apiB;
    private static JdbcTemplate db;
    private static String reportedSlug;

    @BeforeAll
    static void startTwoNodesAtOnceOnAnEmptyDatabase() throws Exception {
        TestDatabase.Connection connection = TestDatabase.get();
        String direct = connection.freshSibling(System.getenv().getOrDefault("IMPRIMATUR_TEST_DB_NAME", "imprimatur_test") + "_nodes");
        URI server = URI.create(direct.substring("jdbc:".length()));
        proxyA = new TcpProxy(server.getHost(), server.getPort());
        proxyB = new TcpProxy(server.getHost(), server.getPort());
        proxyA.start();
        proxyB.start();
        String hostPort = server.getHost() + ":" + server.getPort();
        CompletableFuture<ConfigurableApplicationContext> startA = CompletableFuture.supplyAsync(
                () -> node(direct.replace(hostPort, "127.0.0.1:" + proxyA.port()), connection));
        CompletableFuture<ConfigurableApplicationContext> startB = CompletableFuture.supplyAsync(
                () -> node(direct.replace(hostPort, "127.0.0.1:" + proxyB.port()), connection));
        a = startA.get(3, TimeUnit.MINUTES);
        b = startB.get(3, TimeUnit.MINUTES);
        apiA = Api.at(port(a));
        apiB = Api.at(port(b));
        db = new JdbcTemplate(new DriverManagerDataSource(direct, connection.username(), connection.password()));
    }

    private static ConfigurableApplicationContext node(String url, TestDatabase.Connection connection) {
        return new SpringApplicationBuilder(ImprimaturApplication.class).profiles("test").run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + connection.username(),
                "--spring.datasource.password=" + connection.password(), "--spring.datasource.hikari.connection-timeout=1500",
                "--server.port=0", "--camunda.bpm.generate-unique-process-engine-name=true",
                // the Camunda webapps keep their runtime in static fields: only the shared test context has them
                "--camunda.bpm.webapp.enabled=false",
                // what a cluster must share: the readers' form key (the audit key is the development one on both)
                "--imprimatur.public.form-key=the-readers-form-key-of-both-test-nodes",
                // a job whose node died is taken over by the other after this long
                "--camunda.bpm.job-execution.lock-time-in-millis=8000",
                "--imprimatur.demo.articles=true");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((ServletWebServerApplicationContext) node).getWebServer().getPort();
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            proxyA.stop();
            proxyA.start(); // so that node A's context closes without waiting on a database that is gone
            a.close();
        }
        proxyA.close();
        proxyB.close();
    }

    @Test
    @Order(1)
    void bothCameUpWithOneSchemaOneDeploymentOfEachProcessAndOneSetOfDemoData() {
        assertThat(apiA.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(apiB.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(db.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class)).isZero();
        assertThat(db.queryForObject("select count(*) - count(distinct version) from flyway_schema_history", Integer.class)).isZero();
        assertThat(db.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Integer.class)).isEqualTo(1);
        assertThat(db.queryForList("select KEY_ from ACT_RE_PROCDEF group by KEY_ having count(*) > 1", String.class)).isEmpty();
        assertThat(db.queryForObject("select count(*) from ACT_RE_PROCDEF", Integer.class)).isPositive();
        assertThat(db.queryForList("select username from app_user", String.class))
                .containsExactlyInAnyOrder("writer", "writer2", "reviewer", "reviewer2", "editor", "admin");
        assertThat(db.queryForObject("select count(*) from audit_event where type = 'user.created'", Integer.class)).isEqualTo(6);
        // the demo articles are seeded by one node: three articles, not six
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject("select count(*) from article", Integer.class) >= 3);
        assertThat(db.queryForObject("select count(*) from done_once", Integer.class)).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> db.queryForObject("select count(*) from article", Integer.class) == 3);
    }

    @Test
    @Order(2)
    void aSessionMadeOnOneNodeWorksOnTheOtherAndItsRevocationReachesTheOther() {
        String name = "nodes-" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertThat(apiA.post("admin", "/api/admin/users", user(name)).status()).isEqualTo(201);
        SessionClient onA = new SessionClient(port(a));
        HttpResponse<String> login = onA.login(name, PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        SessionClient onB = onA.at(port(b));
        assertThat(onB.get("/api/articles").statusCode()).isEqualTo(200);
        assertThat(onB.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(onA.get("/tasks").statusCode()).isEqualTo(200);

        Api.Answer disabled = apiA.send("admin", HttpRequest.newBuilder(apiA.uri("/api/admin/users/" + name))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        HttpResponse<String> ended = onB.get("/api/articles");
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.body()).contains("session-ended");
        assertThat(onB.get("/tasks").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(3)
    void aReaderFloodingBothNodesGetsOneLimit() {
        String reader = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250);
        int passed = 0;
        for (int i = 0; i < 30; i++) {
            Api api = i % 2 == 0 ? apiA : apiB;
            Api.Answer answer = api.send(null, report(api, "no-such-article-on-any-node", reader));
            if (answer.status() != 429) {
                passed++;
            } else {
                assertThat(answer.header("Retry-After")).isNotBlank();
            }
        }
        assertThat(passed).as("per-client-per-hour is 10 for the cluster, not per node").isEqualTo(10);
    }

    @Test
    @Order(4)
    void failedLoginsOnBothNodesCountTogether() {
        for (int i = 0; i < 5; i++) {
            assertThat(basic(i % 2 == 0 ? apiA : apiB, "writer2", "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(basic(apiB, "writer2", "demo").status()).isEqualTo(429);
        assertThat(basic(apiA, "writer2", "demo").status()).isEqualTo(429);
    }

    @Test
    @Order(5)
    void whileTheDatabaseIsDownBothNodesAnswer503AndBothRecoverByThemselves() throws Exception {
        reportedSlug = new Desk(apiB).publish("writer", Desk.article("Hydration across two nodes", 1), 1).get("slug").asText();
        proxyA.stop();
        proxyB.stop();
        try {
            assertThat(apiA.send(null, report(apiA, reportedSlug, "203.0.113.1")).status()).isEqualTo(503);
            assertThat(apiB.send(null, report(apiB, reportedSlug, "203.0.113.2")).status()).isEqualTo(503);
        } finally {
            proxyA.start();
            proxyB.start();
        }
        for (Api api : List.of(apiA, apiB)) {
            // the pools may first hand out connections that died in the outage: the readers' retries are accepted
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.send(null, report(api, reportedSlug, randomReader())).status() == 202);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get("editor", "/api/articles").status() == 200);
        }
    }

    @Test
    @Order(6)
    void nodeADiesWhileCyclesAndReportsRunAndNodeBFinishesEverythingOnce() throws Exception {
        AtomicBoolean aAlive = new AtomicBoolean(true);
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> acknowledgedReports = new CopyOnWriteArrayList<>();
        List<Long> acknowledgedArticles = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> readers = CompletableFuture.runAsync(() -> {
            for (int i = 0; running.get() && i < 120; i++) {
                Api api = i % 2 == 0 && aAlive.get() ? apiA : apiB;
                try {
                    Api.Answer answer = api.send(null, report(api, reportedSlug, randomReader()));
                    if (answer.status() == 202) {
                        acknowledgedReports.add(answer.json().get("reportId").asText());
                    }
                } catch (RuntimeException e) {
                    // node A went away under this request: not acknowledged
                }
                pause(40);
            }
        });
        CompletableFuture<Void> writers = CompletableFuture.runAsync(() -> {
            for (int i = 0; aAlive.get() && i < 4; i++) {
                try {
                    Api.Answer created = apiA.post("writer", "/api/articles", Desk.article("Cycle across nodes " + i, 1));
                    if (created.status() == 201) {
                        acknowledgedArticles.add(created.json().get("id").asLong());
                    }
                } catch (RuntimeException e) {
                    return;
                }
            }
        });
        writers.get(30, TimeUnit.SECONDS);
        pause(300);
        // node A dies: its database connections drop mid-transaction (its job locks stay behind), its
        // web server stops without draining, its job executor acquires nothing more
        aAlive.set(false);
        proxyA.stop();
        ((ServletWebServerApplicationContext) a).getWebServer().stop();
        jobExecutorOf(a).shutdown();
        pause(1500);
        running.set(false);
        readers.get(30, TimeUnit.SECONDS);

        assertThat(acknowledgedArticles).isNotEmpty();
        Desk desk = new Desk(apiB);
        for (long id : acknowledgedArticles) {
            desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
            desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
            desk.awaitStatus(id, "PUBLISHED");
            // each job ran once in effect: one plagiarism check and one publication recorded
            assertThat(auditCount("plagiarism.checked", id)).isEqualTo(1);
            assertThat(auditCount("revision.published", id)).isEqualTo(1);
        }
        assertThat(acknowledgedReports).isNotEmpty();
        List<String> stored = db.queryForList("select public_id from feedback_report", String.class);
        assertThat(stored).containsAll(acknowledgedReports);
        assertThat(db.queryForObject("select count(*) from audit_event a join audit_event b on a.seq = b.seq and a.id < b.id",
                Integer.class)).as("the audit chain has no forks").isZero();
    }

    private static int auditCount(String type, long articleId) {
        return db.queryForObject("select count(*) from audit_event where type = ? and article_id = ?", Integer.class, type, articleId);
    }

    private static org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutorOf(ConfigurableApplicationContext node) {
        return ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor();
    }

    private static HttpRequest.Builder report(Api api, String slug, String reader) {
        return HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", reader)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"INACCURATE\",\"comment\":\"The figure for sweat rate is wrong.\"}"));
    }

    private static String randomReader() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static Api.Answer basic(Api api, String user, String password) {
        return api.send(null, HttpRequest.newBuilder(api.uri("/api/articles")).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes())));
    }

    private static Map<String, Object> user(String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "Test " + username);
        body.put("roles", new ArrayList<>(List.of("WRITER")));
        body.put("password", PASSWORD);
        body.put("enabled", true);
        return body;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
