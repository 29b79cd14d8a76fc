package com.imprimatur.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reports' API on figures made through the real route: each test reads a report, does work
 * over HTTP, reads it again and checks the difference (tests run one after another on one database).
 */
class ReportsHttpTest extends IntegrationTest {

    @Autowired
    TaskService engine;

    private Api api;
    private Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
    }

    @Test
    void turnaroundCountsTheStepsCompletedInThePeriodWithTheirPercentiles() {
        JsonNode before = steps(read("editor", "/api/reports/turnaround"));
        desk.publish("writer", Desk.article("Turnaround report", 1), 1);

        JsonNode after = steps(read("admin", "/api/reports/turnaround?from=" + today().minusDays(6) + "&to=" + today()));
        assertThat(after.size()).isEqualTo(5);
        for (String step : new String[] {"medicalReview", "approvePublication"}) {
            JsonNode s = step(after, step);
            assertThat(s.get("completed").asLong()).as(step).isEqualTo(step(before, step).get("completed").asLong() + 1);
            assertThat(s.get("medianHours").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(s.get("p90Hours").asDouble()).isGreaterThanOrEqualTo(s.get("medianHours").asDouble());
        }
        // a period before any of it: nothing completed, no percentiles
        JsonNode empty = steps(read("editor", "/api/reports/turnaround?from=2001-01-01&to=2001-12-31"));
        assertThat(step(empty, "medicalReview").get("completed").asLong()).isZero();
        assertThat(step(empty, "medicalReview").path("medianHours").isNumber()).isFalse();
        // periods the API cannot answer
        assertThat(api.get("editor", "/api/reports/turnaround?from=2026-02-01&to=2026-01-01").status()).isEqualTo(422);
        assertThat(api.get("editor", "/api/reports/turnaround?from=2020-01-01&to=2026-01-01").problemType()).isEqualTo("report-period");
        assertThat(api.get("editor", "/api/reports/turnaround?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void workloadShowsEachPhysiciansOpenOverdueAndCompletedReviews() {
        JsonNode before = reviewer(read("editor", "/api/reports/workload"), "reviewer2");
        // one review completed by reviewer2, one held and overdue
        long done = desk.create("writer", Desk.article("Workload done", 1)).get("id").asLong();
        desk.decide("reviewer2", "medicalReview", done, Desk.approveAll(1));
        long late = desk.create("writer", Desk.article("Workload late", 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer2", "available", "medicalReview", late);
        desk.claim("reviewer2", task);
        engine.setDueDate(task, Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));

        JsonNode after = reviewer(read("admin", "/api/reports/workload"), "reviewer2");
        assertThat(after.get("displayName").asText()).isNotBlank();
        assertThat(after.has("specialty")).isTrue();
        assertThat(after.get("open").asLong()).isEqualTo(before.get("open").asLong() + 1);
        assertThat(after.get("overdue").asLong()).isEqualTo(before.get("overdue").asLong() + 1);
        assertThat(after.get("completed30d").asLong()).isEqualTo(before.get("completed30d").asLong() + 1);
        assertThat(after.get("medianHours").isNumber()).isTrue();
        // only physicians are listed
        assertThat(read("editor", "/api/reports/workload").get("reviewers").findValuesAsText("username")).doesNotContain("writer", "editor");
    }

    @Test
    void feedbackCountsReaderReportsByReasonAndByOutcome() {
        String slug = desk.publish("writer", Desk.article("Feedback report", 1), 1).get("slug").asText();
        JsonNode before = read("editor", "/api/reports/feedback");
        report(slug, "OUTDATED");
        report(slug, "OUTDATED");
        report(slug, "QUESTIONABLE");

        JsonNode after = read("editor", "/api/reports/feedback?from=" + today() + "&to=" + today());
        JsonNode all = read("editor", "/api/reports/feedback");
        assertThat(all.get("total").asLong()).isEqualTo(before.get("total").asLong() + 3);
        assertThat(all.at("/byReason/OUTDATED").asLong()).isEqualTo(before.at("/byReason/OUTDATED").asLong() + 2);
        assertThat(all.at("/byReason/QUESTIONABLE").asLong()).isEqualTo(before.at("/byReason/QUESTIONABLE").asLong() + 1);
        assertThat(all.at("/byOutcome/RECEIVED").asLong()).isEqualTo(before.at("/byOutcome/RECEIVED").asLong() + 3);
        assertThat(after.get("byReason").size()).isEqualTo(4);
        assertThat(after.get("byOutcome").size()).isEqualTo(3);
        assertThat(after.get("from").asText()).isEqualTo(today().toString());
    }

    @Test
    void onlyEditorsAndAdminsReadReports() {
        for (String user : new String[] {"writer", "reviewer"}) {
            Api.Answer answer = api.get(user, "/api/reports/workload");
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(api.get(null, "/api/reports/feedback").status()).isEqualTo(401);
    }

    private JsonNode read(String user, String path) {
        Api.Answer answer = api.get(user, path);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode steps(JsonNode report) {
        return report.get("steps");
    }

    private static JsonNode step(JsonNode steps, String task) {
        for (JsonNode s : steps) {
            if (s.get("task").asText().equals(task)) {
                return s;
            }
        }
        throw new AssertionError("no step " + task + " in " + steps);
    }

    private static JsonNode reviewer(JsonNode workload, String username) {
        for (JsonNode r : workload.get("reviewers")) {
            if (r.get("username").asText().equals(username)) {
                return r;
            }
        }
        throw new AssertionError("no reviewer " + username + " in " + workload);
    }

    private void report(String slug, String reason) {
        Api.Answer sent = api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + (int) (Math.random() * 250 + 1))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\",\"comment\":\"Report " + UUID.randomUUID() + "\"}")));
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
