package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffAccounts;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may do what, endpoint by endpoint and object by object: 401, 403 and 404 as DESIGN.md says. */
class AuthorizationHttpTest extends IntegrationTest {

    @Autowired
    StaffAccounts accounts;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
        // a physician who also writes: four-eyes must keep them off their own articles
        accounts.createIfAbsent("drwriter", "demo", "Dr. Wren Hale", "M.D.", "Cardiology",
                EnumSet.of(Role.WRITER, Role.MEDICAL_REVIEWER));
    }

    @Test
    void anonymousCallersAreAskedToLogIn() {
        for (String path : new String[] {"/api/articles", "/api/tasks?queue=mine", "/api/articles/1",
                "/api/articles/1/revisions/1/plagiarism"}) {
            Api.Answer answer = api.get(null, path);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.isProblem()).as(path).isTrue();
            assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
        }
        assertThat(api.post(null, "/api/articles", Desk.article("Anonymous", 1)).status()).isEqualTo(401);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsUnauthenticated() {
        Api.Answer answer = api.send(null, java.net.http.HttpRequest.newBuilder(api.uri("/api/articles"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("writer:wrong".getBytes())));
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void onlyWritersCreateArticles() {
        for (String user : new String[] {"reviewer", "editor", "admin"}) {
            Api.Answer answer = api.post(user, "/api/articles", Desk.article("Not mine to write", 1));
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.problemType()).isEqualTo("not-a-writer");
        }
    }

    @Test
    void anotherWritersArticleDoesNotExistForYou() {
        long id = desk.create("writer", Desk.article("Private draft on migraines", 1)).get("id").asLong();

        for (String path : new String[] {"/api/articles/" + id, "/api/articles/" + id + "/revisions",
                "/api/articles/" + id + "/revisions/1", "/api/articles/" + id + "/revisions/1/diff?against=1",
                "/api/articles/" + id + "/revisions/1/plagiarism"}) {
            Api.Answer answer = api.get("writer2", path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.problemType()).isEqualTo("not-found");
        }
        assertThat(api.post("writer2", "/api/articles/" + id + "/revisions", Desk.article("Hijack", 1)).status()).isEqualTo(404);
        assertThat(api.get("writer2", "/api/articles").json().findValuesAsText("id")).doesNotContain(String.valueOf(id));
        assertThat(api.get("writer", "/api/articles?mine=true").json().findValuesAsText("slug"))
                .anyMatch(s -> s.startsWith("private-draft-on-migraines"));
        // editors see every article; physicians see those in review
        assertThat(api.get("editor", "/api/articles/" + id).status()).isEqualTo(200);
        assertThat(api.get("reviewer", "/api/articles/" + id).status()).isEqualTo(200);
        assertThat(api.get("admin", "/api/articles/" + id).status()).isEqualTo(200);
    }

    @Test
    void aWriterCannotTakeOrDecideAMedicalReview() {
        long id = desk.create("writer", Desk.article("Statins and muscle aches", 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);

        assertThat(api.get("writer", "/api/tasks?queue=available").json().findValuesAsText("id")).doesNotContain(task);
        assertThat(api.post("writer", "/api/tasks/" + task + "/claim", "").status()).isEqualTo(404);
        assertThat(api.post("writer", "/api/tasks/" + task + "/complete", Desk.approveAll(1)).status()).isEqualTo(404);
        assertThat(api.post("writer2", "/api/tasks/" + task + "/assign", Map.of("username", "writer2")).status()).isEqualTo(403);
        assertThat(api.post("reviewer", "/api/tasks/" + task + "/assign", Map.of("username", "reviewer")).status()).isEqualTo(403);
        assertThat(api.post("reviewer", "/api/tasks/unknown-task/claim", "").status()).isEqualTo(404);
    }

    @Test
    void fourEyesKeepsAPhysicianOffTheirOwnArticle() {
        long id = desk.create("drwriter", Desk.article("Heart rhythm basics", 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);

        assertThat(api.get("drwriter", "/api/tasks?queue=available").json().findValuesAsText("id")).doesNotContain(task);
        Api.Answer claim = api.post("drwriter", "/api/tasks/" + task + "/claim", "");
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.problemType()).isEqualTo("four-eyes");
        Api.Answer assign = api.post("editor", "/api/tasks/" + task + "/assign", Map.of("username", "drwriter"));
        assertThat(assign.status()).isEqualTo(422);
        assertThat(assign.problemType()).isEqualTo("four-eyes");
        // nothing changed: the task is still unclaimed and still offered to other physicians
        assertThat(api.get("reviewer2", "/api/tasks?queue=available").json().findValuesAsText("id")).contains(task);
    }

    @Test
    void editorsAssignOnlyToCandidatesAndOnlyTheAssigneeCompletes() {
        long id = desk.create("writer", Desk.article("Hand washing and colds", 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);

        Api.Answer notACandidate = api.post("editor", "/api/tasks/" + task + "/assign", Map.of("username", "writer2"));
        assertThat(notACandidate.status()).isEqualTo(422);
        assertThat(notACandidate.problemType()).isEqualTo("not-a-candidate");
        assertThat(api.post("editor", "/api/tasks/" + task + "/assign", Map.of("username", "nobody")).status()).isEqualTo(422);

        Api.Answer unclaimed = api.post("reviewer", "/api/tasks/" + task + "/complete", Desk.approveAll(1));
        assertThat(unclaimed.status()).isEqualTo(409);
        assertThat(unclaimed.problemType()).isEqualTo("task-not-claimed");

        Api.Answer assigned = api.post("editor", "/api/tasks/" + task + "/assign", Map.of("username", "reviewer2"));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        assertThat(assigned.json().get("assignee").asText()).isEqualTo("reviewer2");

        Api.Answer notYours = api.post("reviewer", "/api/tasks/" + task + "/complete", Desk.approveAll(1));
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(api.post("reviewer", "/api/tasks/" + task + "/claim", "").status()).isEqualTo(409);
        assertThat(api.post("reviewer", "/api/tasks/" + task + "/unclaim", "").status()).isEqualTo(409);

        Api.Answer done = api.post("reviewer2", "/api/tasks/" + task + "/complete", Desk.approveAll(1));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
    }

    @Test
    void unpublishedArticlesAreNotPublic() {
        JsonNode created = desk.create("writer", Desk.article("Draft on vitamin B12", 1));
        assertThat(api.get(null, "/api/public/articles/" + created.get("slug").asText()).status()).isEqualTo(404);
        assertThat(api.get(null, "/api/public/articles/no-such-article").status()).isEqualTo(404);
    }

    @Test
    void adminAndEnginePathsAreClosedToEveryoneElse() {
        for (String user : new String[] {"writer", "reviewer", "editor"}) {
            assertThat(api.get(user, "/api/admin/audit").status()).as(user).isEqualTo(403);
            assertThat(api.get(user, "/engine-rest/task").status()).as(user).isEqualTo(403);
            assertThat(api.get(user, "/engine-rest/engine").status()).as(user).isEqualTo(403);
        }
        assertThat(api.get(null, "/engine-rest/task").status()).isEqualTo(401);
        // the engine's REST API is not served at all
        assertThat(api.get("admin", "/engine-rest/task").status()).isEqualTo(404);
    }
}
