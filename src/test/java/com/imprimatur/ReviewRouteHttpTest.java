package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "done when": the whole route over HTTP as the demo users, on MariaDB. */
class ReviewRouteHttpTest extends IntegrationTest {

    @Test
    void aRevisionTravelsFromWriterToReviewerToEditorToReaders() {
        Api api = api();
        Desk desk = new Desk(api);

        Api.Answer created = api.post("writer", "/api/articles", Desk.article("Iron and fatigue", 2));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String slug = created.json().get("slug").asText();
        assertThat(slug).startsWith("iron-and-fatigue");
        assertThat(created.header("Location")).isEqualTo("/api/articles/" + id);
        assertThat(created.json().get("revision").asInt()).isEqualTo(1);
        assertThat(created.json().get("status").asText()).isEqualTo("IN_REVIEW");

        // reviewer sees it among the claimable tasks, claims it and asks for changes
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        JsonNode listed = find(api.get("reviewer", "/api/tasks?queue=available").json(), review);
        assertThat(listed.get("revision").asInt()).isEqualTo(1);
        assertThat(Instant.parse(listed.get("due").asText())).isAfter(Instant.now().plus(Duration.ofDays(6)));
        desk.claim("reviewer", review);
        assertThat(find(api.get("reviewer", "/api/tasks?queue=mine").json(), review).get("assignee").asText()).isEqualTo("reviewer");
        Api.Answer changes = api.post("reviewer", "/api/tasks/" + review + "/complete",
                Desk.decision("REQUEST_CHANGES", "Say which adults this applies to."));
        assertThat(changes.status()).as(changes.text()).isEqualTo(200);
        assertThat(desk.article("writer", id).get("status").asText()).isEqualTo("CHANGES_REQUESTED");

        // the writer reads the physician's comment; other writers cannot
        JsonNode decisions = api.get("writer", "/api/articles/" + id + "/decisions").json();
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).get("decision").asText()).isEqualTo("REQUEST_CHANGES");
        assertThat(decisions.get(0).get("comment").asText()).isEqualTo("Say which adults this applies to.");
        assertThat(decisions.get(0).get("actor").asText()).isEqualTo("reviewer");
        assertThat(api.get("writer2", "/api/articles/" + id + "/decisions").status()).isEqualTo(404);

        // the writer's revise task, completed by submitting revision 2
        String revise = desk.awaitTask("writer", "mine", "revise", id);
        assertThat(revise).isNotBlank();
        Map<String, Object> second = Desk.article("Iron and fatigue", 2);
        second.put("changeNote", "Named the adults it applies to");
        Api.Answer submitted = api.post("writer", "/api/articles/" + id + "/revisions", second);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        assertThat(submitted.json().get("revision").asInt()).isEqualTo(2);
        assertThat(submitted.header("Location")).isEqualTo("/api/articles/" + id + "/revisions/2");

        // reviewer approves revision 2 with every reference verified; the plagiarism check runs by itself
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(2));
        String approval = desk.awaitTask("editor", "available", "approvePublication", id);
        Api.Answer report = api.get("editor", "/api/articles/" + id + "/revisions/2/plagiarism");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("flagged").asBoolean()).isFalse();
        assertThat(report.json().get("matches")).isEmpty();

        desk.claim("editor", approval);
        Api.Answer publish = api.post("editor", "/api/tasks/" + approval + "/complete", Desk.decision("PUBLISH", null));
        assertThat(publish.status()).as(publish.text()).isEqualTo(200);
        desk.awaitStatus(id, "PUBLISHED");

        Api.Answer page = api.get(null, "/api/public/articles/" + slug);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("revision").asInt()).isEqualTo(2);
        assertThat(page.json().get("reviewedBy").get("name").asText()).isEqualTo("Dr. Elena Marsh");
        assertThat(page.json().get("reviewedBy").get("credentials").asText()).isEqualTo("M.D., FACP");
        assertThat(page.json().get("authors").get(0).get("name").asText()).isEqualTo("Maya Thornton");
        assertThat(page.json().get("body").asText()).isEqualTo(second.get("body"));
        assertThat(page.json().get("references")).hasSize(2);
        assertThat(page.json().get("jsonLd").get("@type").asText()).isEqualTo("MedicalWebPage");
        assertThat(page.json().get("jsonLd").get("reviewedBy").get("honorificSuffix").asText()).isEqualTo("M.D., FACP");
        Instant lastReviewed = Instant.parse(page.json().get("lastReviewed").asText());
        Instant lastModified = Instant.parse(page.json().get("lastModified").asText());
        assertThat(lastReviewed).isBefore(lastModified);

        JsonNode approvalDecision = api.get("writer", "/api/articles/" + id + "/decisions").json().get(1);
        assertThat(approvalDecision.get("revision").asInt()).isEqualTo(2);
        assertThat(approvalDecision.get("referenceVerdicts").findValuesAsText("verdict")).containsExactly("VERIFIED", "VERIFIED");

        JsonNode article = desk.article("editor", id);
        assertThat(article.get("publishedRevision").asInt()).isEqualTo(2);
        assertThat(article.get("reviewedBy").asText()).isEqualTo("reviewer");
        assertThat(article.get("openTasks")).isEmpty();

        JsonNode history = api.get("writer", "/api/articles/" + id + "/revisions").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("sha256").asText()).hasSize(64).isNotEqualTo(history.get(1).get("sha256").asText());
        assertThat(history.get(1).get("changeNote").asText()).isEqualTo("Named the adults it applies to");
        JsonNode diff = api.get("writer", "/api/articles/" + id + "/revisions/2/diff?against=1").json();
        assertThat(diff.get("from").asInt()).isEqualTo(1);
        assertThat(diff.get("wordsInserted").asInt()).isPositive();
        assertThat(diff.get("segments").findValuesAsText("op")).contains("EQUAL", "DELETE", "INSERT");
    }

    @Test
    void aRejectedFirstRevisionEndsTheCycleAndStaysUnpublished() {
        Api api = api();
        Desk desk = new Desk(api);
        JsonNode created = desk.create("writer", Desk.article("Rejected claims about detox teas", 1));
        long id = created.get("id").asLong();

        desk.decide("reviewer", "medicalReview", id, Desk.decision("REJECT", "The premise is not supported."));

        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("REJECTED");
        assertThat(desk.article("editor", id).get("openTasks")).isEmpty();
        assertThat(api.get(null, "/api/public/articles/" + created.get("slug").asText()).status()).isEqualTo(404);
        // a rejected article may start over with a new revision, which opens a new cycle
        Api.Answer again = api.post("writer", "/api/articles/" + id + "/revisions", Desk.article("Detox teas, revisited", 1));
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(desk.awaitTask("reviewer", "available", "medicalReview", id)).isNotBlank();
    }

    private static JsonNode find(JsonNode tasks, String id) {
        for (JsonNode task : tasks) {
            if (task.get("id").asText().equals(id)) {
                return task;
            }
        }
        throw new AssertionError("task " + id + " not in " + tasks);
    }
}
