package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffAccounts;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /api/tasks/bulk}: every task judged alone by the single actions' rules, one result each. */
class BulkTasksHttpTest extends IntegrationTest {

    @Autowired
    StaffAccounts accounts;

    private Api api;
    private Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
        // a physician who also writes: four-eyes keeps them off their own article
        accounts.createIfAbsent("drbulk", "demo", "Dr. Bo Lund", "M.D.", "Nephrology", EnumSet.of(Role.WRITER, Role.MEDICAL_REVIEWER));
    }

    @Test
    void aBulkClaimSucceedsWhereItMayAndFailsOnlyTheTasksThatBreakARule() {
        String free = review(desk.create("writer", Desk.article("Bulk free review", 1)));
        String own = review(desk.create("drbulk", Desk.article("Bulk own article", 1)));
        String held = review(desk.create("writer", Desk.article("Bulk held review", 1)));
        desk.claim("reviewer2", held);

        Map<String, JsonNode> results = bulk("drbulk", "CLAIM", List.of(free, own, held, "no-such-task"), null);

        assertThat(results.get(free).get("status").asInt()).isEqualTo(200);
        assertThat(results.get(free).has("problem")).isFalse();
        assertThat(results.get(own).get("status").asInt()).isEqualTo(403);
        assertThat(results.get(own).at("/problem/type").asText()).endsWith("/four-eyes");
        assertThat(results.get(held).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(held).at("/problem/assignee").asText()).isEqualTo("reviewer2");
        assertThat(results.get("no-such-task").get("status").asInt()).isEqualTo(404);
        // the successes took effect, the failures changed nothing
        assertThat(assignee(free)).isEqualTo("drbulk");
        assertThat(assignee(own)).isNull();
        assertThat(assignee(held)).isEqualTo("reviewer2");

        Map<String, JsonNode> handedBack = bulk("drbulk", "UNCLAIM", List.of(free, held), null);
        assertThat(handedBack.get(free).get("status").asInt()).isEqualTo(200);
        assertThat(handedBack.get(held).get("status").asInt()).isEqualTo(409);
        assertThat(assignee(free)).isNull();
    }

    @Test
    void aBulkAssignmentRefusesTheAuthorButGivesTheOtherTasks() {
        String own = review(desk.create("drbulk", Desk.article("Bulk assign own", 1)));
        String other = review(desk.create("writer", Desk.article("Bulk assign other", 1)));

        Map<String, JsonNode> results = bulk("editor", "ASSIGN", List.of(own, other), "drbulk");

        assertThat(results.get(own).get("status").asInt()).isEqualTo(422);
        assertThat(results.get(own).at("/problem/type").asText()).endsWith("/four-eyes");
        assertThat(results.get(other).get("status").asInt()).isEqualTo(200);
        assertThat(assignee(other)).isEqualTo("drbulk");
        assertThat(assignee(own)).isNull();
        // only editors assign: each task says so
        Map<String, JsonNode> notEditor = bulk("reviewer", "ASSIGN", List.of(other), "reviewer");
        assertThat(notEditor.get(other).get("status").asInt()).isEqualTo(403);
    }

    @Test
    void aMalformedBulkRequestIsRefusedWhole() {
        assertThat(api.post("reviewer", "/api/tasks/bulk", Map.of("taskIds", List.of("x"))).status()).isEqualTo(400);
        assertThat(api.post("reviewer", "/api/tasks/bulk", Map.of("action", "CLAIM", "taskIds", List.of())).status()).isEqualTo(400);
        assertThat(api.post("reviewer", "/api/tasks/bulk", Map.of("action", "CLAIM",
                "taskIds", Collections.nCopies(101, "x"))).status()).isEqualTo(400);
        assertThat(api.post("reviewer", "/api/tasks/bulk", Map.of("action", "EXPLODE", "taskIds", List.of("x"))).status()).isEqualTo(400);
        Api.Answer noName = api.post("editor", "/api/tasks/bulk", Map.of("action", "ASSIGN", "taskIds", List.of("x")));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.isProblem()).isTrue();
    }

    private String review(JsonNode article) {
        return desk.awaitTask("reviewer", "available", "medicalReview", article.get("id").asLong());
    }

    private Map<String, JsonNode> bulk(String user, String action, List<String> taskIds, String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("taskIds", taskIds);
        if (username != null) {
            body.put("username", username);
        }
        Api.Answer answer = api.post(user, "/api/tasks/bulk", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        Map<String, JsonNode> results = new HashMap<>();
        answer.json().get("results").forEach(r -> results.put(r.get("taskId").asText(), r));
        assertThat(results).hasSize(taskIds.size());
        return results;
    }

    private String assignee(String taskId) {
        for (int page = 0; ; page++) {
            JsonNode tasks = api.get("editor", "/api/tasks?queue=team&size=200&page=" + page).json();
            if (tasks.isEmpty()) {
                return null;
            }
            for (JsonNode t : tasks) {
                if (t.get("id").asText().equals(taskId)) {
                    return t.path("assignee").isTextual() ? t.get("assignee").asText() : null;
                }
            }
        }
    }
}
