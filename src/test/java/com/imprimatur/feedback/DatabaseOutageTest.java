package com.imprimatur.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.ImprimaturApplication;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.TcpProxy;
import com.imprimatur.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database goes away while readers keep reporting: they get 503 with Retry-After and nothing
 * half-stored; once it is back, the same report is accepted, stored once, with its triage task. The
 * same when the database goes away in the middle of the writers' transaction.
 */
class DatabaseOutageTest {

    @Test
    void aReportDuringAnOutageIs503AndIsAcceptedOnceTheDatabaseIsBack() throws Exception {
        TestDatabase.Connection db = TestDatabase.get();
        String direct = db.freshSibling(System.getenv().getOrDefault("IMPRIMATUR_TEST_DB_NAME", "imprimatur_test") + "_outage");
        URI server = URI.create(direct.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort())) {
            proxy.start();
            String viaProxy = direct.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ImprimaturApplication.class)
                    .profiles("test").run("--spring.datasource.url=" + viaProxy,
                            "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
                            "--spring.datasource.hikari.connection-timeout=1500", "--server.port=0",
                            "--camunda.bpm.generate-unique-process-engine-name=true",
                            // the Camunda webapps keep their runtime in static fields and clear them when an
                            // application stops: only the shared test context has them
                            "--camunda.bpm.webapp.enabled=false")) {
                Api api = Api.at(((ServletWebServerApplicationContext) app).getWebServer().getPort());
                JsonNode article = new Desk(api).publish("writer", Desk.article("Hydration for runners", 1), 1);
                String path = "/api/public/articles/" + article.get("slug").asText() + "/feedback";
                HttpRequest.Builder report = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "192.0.2.77")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"INACCURATE\",\"comment\":\"The sweat rate figure is wrong.\"}"));

                proxy.stop();
                Api.Answer refused = api.send(null, report);
                assertThat(refused.status()).as(refused.text()).isEqualTo(503);
                assertThat(refused.isProblem()).isTrue();
                assertThat(refused.problemType()).isEqualTo("service-unavailable");
                assertThat(refused.header("Retry-After")).isEqualTo("30");

                // back: the pool may first hand out a connection that died in the outage (another
                // 503, nothing stored); the reader's retry is accepted
                proxy.start();
                AtomicReference<Api.Answer> answer = new AtomicReference<>();
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    answer.set(api.send(null, report));
                    assertThat(answer.get().status()).isIn(202, 503);
                    return answer.get().status() == 202;
                });
                Api.Answer accepted = answer.get();

                JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                        direct, db.username(), db.password()));
                assertThat(jdbc.queryForList("select public_id from feedback_report", String.class))
                        .containsExactly(accepted.json().get("reportId").asText());
                assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'triageReport'", Long.class))
                        .isEqualTo(1);

                // the database goes away in the middle of a group's transaction (after the look-up of
                // twins, before the insert): 503, and nothing of the report or its task is stored
                HttpRequest.Builder second = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "192.0.2.78")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"OUTDATED\"}"));
                ReportStore store = app.getBean(ReportStore.class);
                store.afterLookUp(() -> {
                    try {
                        proxy.stop();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                Api.Answer cut = api.send(null, second);
                store.afterLookUp(() -> { });
                assertThat(cut.status()).as(cut.text()).isEqualTo(503);
                assertThat(cut.problemType()).isEqualTo("service-unavailable");
                assertThat(jdbc.queryForObject("select count(*) from feedback_report", Long.class)).isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'triageReport'", Long.class))
                        .isEqualTo(1);
                proxy.start();
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    answer.set(api.send(null, second));
                    assertThat(answer.get().status()).isIn(202, 503);
                    return answer.get().status() == 202;
                });
                assertThat(jdbc.queryForObject("select count(*) from feedback_report", Long.class)).isEqualTo(2);
                assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'triageReport'", Long.class))
                        .isEqualTo(2);
            }
        }
    }
}
