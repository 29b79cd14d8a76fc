package com.imprimatur.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.article.ArticleService;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.SessionClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An editor withdraws an article: it goes offline, its cycles end, the trail says who and why, and it can come back. */
class WithdrawHttpTest extends IntegrationTest {

    private static final AtomicInteger READERS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ArticleService articles;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
    }

    @Test
    void aPublishedArticleGoesOfflineTheTrailSaysWhoAndWhyAndANewPublicationBringsItBack() {
        JsonNode created = desk.publish("writer", Desk.article("Withdrawn advice on iron tablets", 1), 1);
        long id = created.get("id").asLong();
        String slug = created.get("slug").asText();
        // a reader's report that is still waiting for triage when the article is withdrawn
        Api.Answer filed = publicPost(slug, "feedback", Map.of("reason", "OUTDATED"));
        assertThat(filed.status()).as(filed.text()).isEqualTo(202);
        String triage = desk.awaitTask("editor", "available", "triageReport", id);

        // not editors: 403; no reason: 422 beside the field; nothing changed by either
        for (String notEditor : List.of("writer", "reviewer", "admin")) {
            Api.Answer refused = withdraw(notEditor, id, Map.of("reason", "Not mine to withdraw."));
            assertThat(refused.status()).as(notEditor + ": " + refused.text()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        for (Object body : List.of(Map.of(), Map.of("reason", "   "))) {
            Api.Answer invalid = withdraw("editor", id, body);
            assertThat(invalid.status()).as(invalid.text()).isEqualTo(422);
            assertThat(invalid.isProblem()).isTrue();
            assertThat(invalid.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        }
        assertThat(withdraw("editor", 999_999_999L, Map.of("reason", "No such article.")).status()).isEqualTo(404);
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(api.get(null, "/api/public/articles/" + slug).status()).isEqualTo(200);
        assertThat(events(id, "article.withdrawn")).isEmpty();

        String reason = "The dosing table contradicts the new national guideline.";
        Api.Answer withdrawn = withdraw("editor", id, Map.of("reason", reason));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        JsonNode view = withdrawn.json();
        assertThat(view.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(view.get("publishedRevision").asInt()).as("the row keeps its publication data").isEqualTo(1);
        assertThat(view.hasNonNull("publishedAt")).isTrue();
        assertThat(view.get("withdrawal").get("by").asText()).isEqualTo("editor");
        assertThat(view.get("withdrawal").get("reason").asText()).isEqualTo(reason);
        assertThat(view.hasNonNull("cycle")).isFalse();
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("WITHDRAWN");

        // readers: 410 on the API (a notice, not the editor's reason), on the page, for reports and votes
        Api.Answer gone = api.get(null, "/api/public/articles/" + slug);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.isProblem()).isTrue();
        assertThat(gone.problemType()).isEqualTo("article-withdrawn");
        assertThat(gone.json().get("detail").asText()).contains("withdrawn").doesNotContain("guideline");
        Api.Answer page = api.get(null, "/public/articles/" + slug);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("This article has been withdrawn").contains("/css/app.css")
                .doesNotContain("feedback-form").doesNotContain("guideline").doesNotContain("iron tablets");
        Api.Answer report = publicPost(slug, "feedback", Map.of("reason", "OTHER", "comment", "Where did it go?"));
        assertThat(report.status()).as(report.text()).isEqualTo(410);
        assertThat(report.problemType()).isEqualTo("article-withdrawn");
        assertThat(publicPost(slug, "helpful", Map.of("helpful", true)).status()).isEqualTo(410);

        // the trail and the admin's history say who withdrew which revision and why
        JsonNode event = events(id, "article.withdrawn").get(0);
        assertThat(event.get("actor").asText()).isEqualTo("editor");
        assertThat(event.get("revision").asInt()).isEqualTo(1);
        assertThat(event.get("details").get("reason").asText()).isEqualTo(reason);
        JsonNode history = api.get("admin", "/api/admin/articles/" + id + "/history").json();
        assertThat(history.get("article").get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(history.get("timeline").findValuesAsText("type")).contains("article.withdrawn");
        assertThat(history.get("revisions")).hasSize(1);

        // once is enough; the scheduled re-review passes it by; a reader's report cannot reopen it
        Api.Answer again = withdraw("editor", id, Map.of("reason", "Twice."));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("already-withdrawn");
        assertThat(articles.dueForReReview(Instant.now().plus(Duration.ofDays(3650)), 100_000)).doesNotContain(id);
        desk.claim("editor", triage);
        Api.Answer reopen = api.post("editor", "/api/tasks/" + triage + "/complete", Desk.decision("REOPEN_REVIEW", null));
        assertThat(reopen.status()).as(reopen.text()).isEqualTo(409);
        assertThat(reopen.problemType()).isEqualTo("article-withdrawn");
        assertThat(desk.article("editor", id).hasNonNull("cycle")).isFalse();
        Api.Answer dismissed = api.post("editor", "/api/tasks/" + triage + "/complete",
                Desk.decision("DISMISS", "The article is withdrawn."));
        assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);

        // the writer corrects it: a new cycle; still offline until the new revision is published
        Api.Answer corrected = api.post("writer", "/api/articles/" + id + "/revisions",
                Desk.article("Withdrawn advice on iron tablets", 1));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
        JsonNode reviewing = desk.article("editor", id);
        assertThat(reviewing.get("cycle").get("revision").asInt()).isEqualTo(2);
        assertThat(api.get(null, "/api/public/articles/" + slug).status()).isEqualTo(410);
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        desk.awaitStatus(id, "PUBLISHED");
        Api.Answer live = api.get(null, "/api/public/articles/" + slug);
        assertThat(live.status()).as(live.text()).isEqualTo(200);
        assertThat(live.json().get("revision").asInt()).isEqualTo(2);
        assertThat(desk.article("editor", id).hasNonNull("withdrawal")).isFalse();
    }

    @Test
    void withdrawingAnArticleInReviewEndsTheCycleAndItsTasksLeaveTheQueues() {
        long id = desk.create("writer", Desk.article("Withdrawn draft on sleep apnoea", 1)).get("id").asLong();
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        desk.claim("reviewer", review);
        assertThat(taskIds("reviewer", "mine")).contains(review);
        assertThat(jdbc.queryForObject("select count(*) from task_queue where article_id = ?", Long.class, id)).isEqualTo(1);

        Api.Answer withdrawn = withdraw("editor", id, Map.of("reason", "The commissioning brief was cancelled."));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().hasNonNull("cycle")).isFalse();
        assertThat(withdrawn.json().get("openTasks")).isEmpty();
        assertThat(taskIds("reviewer", "mine")).doesNotContain(review);
        assertThat(taskIds("reviewer2", "available")).doesNotContain(review);
        assertThat(taskIds("editor", "team")).doesNotContain(review);
        assertThat(jdbc.queryForObject("select count(*) from task_queue where article_id = ?", Long.class, id)).isZero();
        assertThat(api.post("reviewer", "/api/tasks/" + review + "/complete", Desk.approveAll(1)).status()).isEqualTo(404);
        // the BPMN's end listeners did not run: the status stays WITHDRAWN, no "cycle ended" event
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(events(id, "cycle.ended-unpublished")).isEmpty();
        assertThat(events(id, "article.withdrawn").get(0).get("details").get("endedCycleId").asText()).isNotBlank();
        // never published: readers never knew it, so 404 rather than 410; physicians no longer see it either
        String slug = withdrawn.json().get("slug").asText();
        assertThat(api.get(null, "/api/public/articles/" + slug).status()).isEqualTo(404);
        assertThat(api.get("reviewer", "/api/articles/" + id).status()).isEqualTo(404);
        assertThat(api.get("reviewer", "/api/articles").json().findValuesAsText("id")).doesNotContain(String.valueOf(id));

        Api.Answer next = api.post("writer", "/api/articles/" + id + "/revisions", Desk.article("Withdrawn draft on sleep apnoea", 1));
        assertThat(next.status()).as(next.text()).isEqualTo(201);
        desk.awaitTask("reviewer", "available", "medicalReview", id);
        JsonNode reviewing = desk.article("editor", id);
        assertThat(reviewing.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(reviewing.get("cycle").get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void editorsWithdrawFromTheArticlePageOthersNeitherSeeTheFormNorMayPostIt() {
        long id = desk.create("writer", Desk.article("Withdrawn page on hay fever", 1)).get("id").asLong();
        String path = "/articles/" + id;

        SessionClient writer = loggedIn("writer");
        assertThat(writer.get(path).body()).doesNotContain("withdraw-form");
        assertThat(writer.postForm(path + "/withdraw", Map.of("reason", "Mine.")).statusCode()).isEqualTo(403);

        SessionClient editor = loggedIn("editor");
        assertThat(editor.get(path).body()).contains("data-test=\"withdraw-form\"").contains("Yes, withdraw this article now");
        HttpResponse<String> blank = editor.postForm(path + "/withdraw", Map.of("reason", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"err-reason\"").contains("say why the article is withdrawn")
                .contains("aria-invalid=\"true\"");
        assertThat(desk.article("editor", id).get("status").asText()).isNotEqualTo("WITHDRAWN");

        HttpResponse<String> done = editor.postForm(path + "/withdraw", Map.of("reason", "Duplicates the allergy guide."));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith(path);
        String after = editor.get(path).body();
        assertThat(after).contains("is withdrawn: readers now get a notice").contains("data-test=\"withdrawn\"")
                .contains("Duplicates the allergy guide.").doesNotContain("withdraw-form");
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(writer.get(path).body()).contains("data-test=\"withdrawn\"").doesNotContain("withdraw-form");
    }

    private Api.Answer withdraw(String user, long id, Object body) {
        return api.post(user, "/api/articles/" + id + "/withdraw", body);
    }

    /** A reader's post, from an address of its own (the readers' rate limits count per address). */
    private Api.Answer publicPost(String slug, String what, Map<String, Object> body) {
        int n = READERS.incrementAndGet();
        try {
            return api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/" + what))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + (n % 250 + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The article's audit events of one type, newest first. */
    private List<JsonNode> events(long articleId, String type) {
        Api.Answer page = api.get("admin", "/api/admin/audit?article=" + articleId + "&size=200");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        page.json().get("events").forEach(e -> {
            if (e.get("type").asText().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }

    private List<String> taskIds(String user, String queue) {
        Api.Answer tasks = api.get(user, "/api/tasks?queue=" + queue + "&size=200");
        assertThat(tasks.status()).as(tasks.text()).isEqualTo(200);
        return tasks.json().findValuesAsText("id");
    }

    private SessionClient loggedIn(String user) {
        SessionClient browser = new SessionClient(port);
        assertThat(browser.login(user, "demo").statusCode()).isEqualTo(302);
        return browser;
    }
}
