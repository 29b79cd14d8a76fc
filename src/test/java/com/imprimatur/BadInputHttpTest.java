package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets the right problem, with a stable type, and changes nothing. */
class BadInputHttpTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void missingTitleIsInvalidContent() {
        long before = rows("article");
        Map<String, Object> content = Desk.article("x", 1);
        content.remove("title");
        Api.Answer answer = api.post("writer", "/api/articles", content);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.problemType()).isEqualTo("invalid-content");
        assertThat(answer.json().get("errors").findValuesAsText("field")).contains("title");
        assertThat(answer.json().get("detail").asText()).contains("title");
        assertThat(rows("article")).isEqualTo(before);
    }

    @Test
    void anArticleWithoutReferencesIsInvalid() {
        long before = rows("article");
        Map<String, Object> content = Desk.article("No sources", 0);
        Api.Answer answer = api.post("writer", "/api/articles", content);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").findValuesAsText("field")).contains("references");
        assertThat(rows("article")).isEqualTo(before);
    }

    @Test
    void aFiveMegabyteBodyIsTooLarge() {
        long before = rows("revision");
        Api.Answer answer = api.post("writer", "/api/articles", Desk.article("Huge", "word ".repeat(1_000_000), 1));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.problemType()).isEqualTo("too-large");
        assertThat(rows("revision")).isEqualTo(before);
    }

    @Test
    void malformedJsonIsABadRequest() {
        long before = rows("article");
        Api.Answer answer = api.post("writer", "/api/articles", "{\"title\": \"Unclosed\", ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemType()).isEqualTo("malformed-request");
        Api.Answer unknownField = api.post("writer", "/api/articles", Map.of("title", "t", "colour", "red"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.isProblem()).isTrue();
        assertThat(rows("article")).isEqualTo(before);
    }

    @Test
    void anUnknownDecisionIsRefusedAndTheTaskStaysOpen() {
        long id = desk.create("writer", Desk.article("Salt and blood pressure", 2)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
        desk.claim("reviewer", task);
        long decisions = rows("decision");

        Api.Answer unknown = api.post("reviewer", "/api/tasks/" + task + "/complete", Desk.decision("SHRUG", "hmm"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.problemType()).isEqualTo("decision-not-accepted");
        assertThat(unknown.json().get("accepted").findValuesAsText("accepted")).isEmpty();
        assertThat(unknown.json().get("accepted").toString()).contains("APPROVE", "REQUEST_CHANGES", "REJECT");

        Api.Answer publish = api.post("reviewer", "/api/tasks/" + task + "/complete", Desk.decision("PUBLISH", null));
        assertThat(publish.status()).isEqualTo(422);

        Api.Answer halfVerified = api.post("reviewer", "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE",
                "referenceVerdicts", List.of(Map.of("reference", 1, "verdict", "VERIFIED"))));
        assertThat(halfVerified.status()).isEqualTo(422);
        assertThat(halfVerified.problemType()).isEqualTo("references-not-verified");
        assertThat(halfVerified.json().get("missing").toString()).isEqualTo("[2]");

        Api.Answer contradicted = api.post("reviewer", "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE",
                "referenceVerdicts", List.of(Map.of("reference", 1, "verdict", "VERIFIED"),
                        Map.of("reference", 2, "verdict", "CONTRADICTS"))));
        assertThat(contradicted.status()).isEqualTo(422);
        assertThat(contradicted.json().get("notVerified").toString()).isEqualTo("[2]");

        Api.Answer noSuchReference = api.post("reviewer", "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE",
                "referenceVerdicts", List.of(Map.of("reference", 3, "verdict", "VERIFIED"))));
        assertThat(noSuchReference.status()).isEqualTo(422);
        assertThat(noSuchReference.problemType()).isEqualTo("unknown-reference");

        Api.Answer badVerdict = api.post("reviewer", "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE",
                "referenceVerdicts", List.of(Map.of("reference", 1, "verdict", "PROBABLY"))));
        assertThat(badVerdict.status()).isEqualTo(400);

        Api.Answer noComment = api.post("reviewer", "/api/tasks/" + task + "/complete", Desk.decision("REQUEST_CHANGES", null));
        assertThat(noComment.status()).isEqualTo(422);
        assertThat(noComment.problemType()).isEqualTo("comment-required");

        Api.Answer noDecision = api.post("reviewer", "/api/tasks/" + task + "/complete", Map.of("comment", "forgot"));
        assertThat(noDecision.status()).isEqualTo(422);

        assertThat(rows("decision")).isEqualTo(decisions);
        JsonNode mine = api.get("reviewer", "/api/tasks?queue=mine").json();
        assertThat(mine.findValuesAsText("id")).contains(task);
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aRevisionWhileTheCycleIsNotWaitingIsAConflict() {
        long id = desk.create("writer", Desk.article("Caffeine in pregnancy", 1)).get("id").asLong();
        long before = rows("revision");
        Api.Answer answer = api.post("writer", "/api/articles/" + id + "/revisions", Desk.article("Caffeine, again", 1));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.problemType()).isEqualTo("cycle-not-waiting");
        assertThat(rows("revision")).isEqualTo(before);
    }

    @Test
    void anUnknownQueueIsABadRequest() {
        assertThat(api.get("reviewer", "/api/tasks?queue=everything").status()).isEqualTo(400);
        assertThat(api.get("reviewer", "/api/articles?status=SOMEWHERE").status()).isEqualTo(400);
        assertThat(api.get("reviewer", "/api/articles/abc").status()).isEqualTo(400);
    }
}
