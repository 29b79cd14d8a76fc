package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.SessionClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The route means what it says: a reader's report reopened late still reaches a physician; a
 * publication checks its gates again when it runs; the two approvals are two people's; no path
 * round the task desk gets under four-eyes.
 */
class RouteIntegrityHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger READERS = new AtomicInteger();

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
    }

    @Test
    void aReportReopenedWhileTheCycleWaitsForPublicationGoesBackToAPhysicianWhoSeesIt() {
        JsonNode article = desk.publish("writer", Desk.article("Late report while awaiting publication", 1), 1);
        long id = article.get("id").asLong();
        String slug = article.get("slug").asText();
        reopenFor(slug, id, "The first report says the dose is wrong " + UUID.randomUUID());
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        String approval = desk.awaitTask("editor", "available", "approvePublication", id);

        String second = "A second reader says the interval changed in 2024 " + UUID.randomUUID();
        reopenFor(slug, id, second);

        assertThat(api.get("editor", "/api/tasks?queue=available").json().findValuesAsText("id")).doesNotContain(approval);
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("IN_REVIEW");
        SessionClient physician = new SessionClient(port);
        physician.login("reviewer", "demo");
        assertThat(physician.get("/tasks/" + review).body()).contains(second);
        assertThat(api.get("admin", "/api/admin/audit?article=" + id).json().get("events").findValuesAsText("type"))
                .contains("review.sent-back");

        // approved again, it publishes as usual
        desk.decide("reviewer2", "medicalReview", id, Desk.approveAll(1));
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        desk.awaitStatus(id, "PUBLISHED");
    }

    @Test
    void aReportReopenedWhileThePublicationIsScheduledCancelsTheTimer() {
        JsonNode article = desk.publish("writer", Desk.article("Late report on a scheduled publication", 1), 1);
        long id = article.get("id").asLong();
        String slug = article.get("slug").asText();
        reopenFor(slug, id, "Outdated advice on fasting " + UUID.randomUUID());
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        Map<String, Object> later = Desk.decision("PUBLISH", null);
        later.put("publishAt", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        desk.decide("editor", "approvePublication", id, later);
        desk.awaitStatus(id, "SCHEDULED");
        String cycle = desk.article("editor", id).get("cycle").get("id").asText();
        assertThat(management.createJobQuery().processInstanceId(cycle).timers().count()).isEqualTo(1);

        reopenFor(slug, id, "Another reader: the fasting advice contradicts the guideline " + UUID.randomUUID());

        desk.awaitTask("reviewer", "available", "medicalReview", id);
        // the publication's timer is gone; the new review has its own (due soon, overdue)
        assertThat(management.createJobQuery().processInstanceId(cycle).timers().activityId("publicationTime").count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(cycle).timers().count()).isEqualTo(2);
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aScheduledPublicationChecksItsGatesAgainWhenItFires() {
        String doi = "10.5555/gate." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> content = Desk.article("Retracted between approval and publication", 1);
        content.put("references", List.of(Map.of("citation", "Gate A. A study retracted later. J Examples. 2021;1:1-9.", "doi", doi)));
        long id = desk.create("writer", content).get("id").asLong();
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        Map<String, Object> soon = Desk.decision("PUBLISH", null);
        soon.put("publishAt", Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS).toString());
        desk.decide("editor", "approvePublication", id, soon);
        desk.awaitStatus(id, "SCHEDULED");

        String csv = "Record ID,Title,OriginalPaperDOI,OriginalPaperPubMedID,RetractionNature,RetractionDate,Reason\n"
                + "1,\"A study retracted later\"," + doi + ",0,Retraction,3/1/2026 0:00,+Falsification/Fabrication of Data;\n";
        Api.Answer imported = api.send("admin", HttpRequest.newBuilder(api.uri("/api/admin/retractions"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);

        desk.awaitTask("reviewer", "available", "medicalReview", id);
        JsonNode after = desk.article("editor", id);
        assertThat(after.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(after.get("publishedRevision")).isNull();
        assertThat(api.get("admin", "/api/admin/audit?article=" + id).json().get("events").findValuesAsText("type"))
                .contains("publication.held").doesNotContain("revision.published");
    }

    @Test
    void thePhysicianWhoApprovedTheReviewDoesNotApproveThePublication() {
        String both = "dual" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(newUser(both, "Dr Dual " + both, List.of("EDITOR", "MEDICAL_REVIEWER")).status()).isEqualTo(201);
        SessionClient dual = new SessionClient(port);
        dual.login(both, "correct horse battery");

        long id = desk.create("writer", Desk.article("Two approvals, two people", 1)).get("id").asLong();
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        assertThat(post(dual, "/api/tasks/" + review + "/claim", "").statusCode()).isEqualTo(200);
        assertThat(post(dual, "/api/tasks/" + review + "/complete", write(Desk.approveAll(1))).statusCode()).isEqualTo(200);
        String approval = desk.awaitTask("editor", "available", "approvePublication", id);

        List<String> complaints = engineComplaints(() -> {
            var claim = post(dual, "/api/tasks/" + approval + "/claim", "");
            assertThat(claim.statusCode()).isEqualTo(403);
            assertThat(claim.body()).contains("four-eyes");
            Api.Answer assign = api.post("editor", "/api/tasks/" + approval + "/assign", Map.of("username", both));
            assertThat(assign.status()).isEqualTo(422);
            assertThat(assign.problemType()).isEqualTo("four-eyes");
        });
        // a refusal is the desk's answer, not the engine's failure: nothing for an operator's error log
        assertThat(complaints).as("what the engine logged at WARN or above").isEmpty();
        assertThat(dual.get("/api/tasks?queue=available").body()).doesNotContain(approval);
        SessionClient editor = new SessionClient(port);
        editor.login("editor", "demo");
        String page = editor.get("/tasks/" + approval).body();
        assertThat(page).contains("name=\"username\"").doesNotContain("value=\"" + both + "\"");
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        desk.awaitStatus(id, "PUBLISHED");
    }

    @Test
    void noPathRoundTheTaskDeskGetsUnderFourEyes() {
        long id = desk.create("writer", Desk.article("Straight to the engine", 1)).get("id").asLong();
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        // the author, an administrator (not a physician) and a non-existent user: refused inside the engine
        for (String who : List.of("writer", "WRITER", "admin", "nobody-at-all")) {
            assertThatThrownBy(() -> taskService.claim(review, who)).as(who).satisfies(RouteIntegrityHttpTest::refused);
            assertThatThrownBy(() -> taskService.setAssignee(review, who)).as(who).satisfies(RouteIntegrityHttpTest::refused);
        }
        // a four-eyes decision without an assignee
        assertThatThrownBy(() -> taskService.complete(review)).satisfies(RouteIntegrityHttpTest::refused);
        Task task = taskService.createTaskQuery().taskId(review).singleResult();
        assertThat(task.getAssignee()).isNull();
        assertThat(api.get("reviewer", "/api/tasks?queue=available").json().findValuesAsText("id")).contains(review);
    }

    @Test
    void aVariableSetOnTheTaskDoesNotStandInForTheCyclesAuthors() throws Exception {
        String both = "wrph" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(newUser(both, "Dr Writer " + both, List.of("WRITER", "MEDICAL_REVIEWER")).status()).isEqualTo(201);
        SessionClient author = new SessionClient(port);
        author.login(both, "correct horse battery");
        var created = post(author, "/api/articles", write(Desk.article("Written and then reviewed by its writer?", 1)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        // the engine's API (the Camunda webapps, a script) can put variables on the task itself
        taskService.setVariablesLocal(review, Map.of("authors", "nobody-at-all"));

        // refused as the author (they are an active physician, so no other refusal applies)
        assertThatThrownBy(() -> taskService.claim(review, both)).satisfies(failure ->
                assertThat(FourEyesGuard.Refused.in(failure)).as("refused by the four-eyes guard: " + failure).isNotNull()
                        .hasMessageContaining("wrote this revision"));
        var claim = post(author, "/api/tasks/" + review + "/claim", "");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
        assertThat(claim.body()).contains("four-eyes");
        Api.Answer assign = api.post("editor", "/api/tasks/" + review + "/assign", Map.of("username", both));
        assertThat(assign.status()).isEqualTo(422);
        assertThat(assign.problemType()).isEqualTo("four-eyes");
        assertThat(taskService.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
    }

    @Test
    void aRoleTakenAwayOrAUserDisabledCountsAtTheEnginesNextCheck() {
        String physician = "phys" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(newUser(physician, "Dr " + physician, List.of("MEDICAL_REVIEWER")).status()).isEqualTo(201);
        long id = desk.create("writer", Desk.article("Roles read when they are checked", 1)).get("id").asLong();
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);

        taskService.claim(review, physician);
        taskService.setAssignee(review, null);
        assertThat(patchUser(physician, Map.of("roles", List.of("WRITER"))).status()).isEqualTo(200);
        assertThatThrownBy(() -> taskService.claim(review, physician)).satisfies(RouteIntegrityHttpTest::refused);
        assertThat(patchUser(physician, Map.of("roles", List.of("MEDICAL_REVIEWER"))).status()).isEqualTo(200);
        taskService.claim(review, physician);
        taskService.setAssignee(review, null);
        assertThat(patchUser(physician, Map.of("enabled", false)).status()).isEqualTo(200);
        assertThatThrownBy(() -> taskService.claim(review, physician)).satisfies(RouteIntegrityHttpTest::refused);
        assertThat(taskService.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
    }

    /** A physician-like user (credentials M.D.) with the password "correct horse battery". */
    private Api.Answer newUser(String username, String displayName, List<String> roles) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("displayName", displayName);
        user.put("credentials", "M.D.");
        user.put("roles", roles);
        user.put("password", "correct horse battery");
        return api.post("admin", "/api/admin/users", user);
    }

    private Api.Answer patchUser(String username, Map<String, Object> changes) {
        return api.send("admin", HttpRequest.newBuilder(api.uri("/api/admin/users/" + username))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(write(changes))));
    }

    @Test
    void noServerErrorWhileFiftyPublicationsAreHammered() throws Exception {
        int count = 50;
        SessionClient reviewer = new SessionClient(port);
        reviewer.login("reviewer", "demo");
        SessionClient editor = new SessionClient(port);
        editor.login("editor", "demo");
        // the sessions' CSRF tokens made now, once: four threads asking a fresh session for its first
        // token at once would each make one, and all but the last saved would be stale (403)
        reviewer.csrfToken();
        editor.csrfToken();
        // fifty cycles taken to the publication approval, four at a time
        java.util.concurrent.ExecutorService setup = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Long>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            created.add(setup.submit(() -> {
                long id = desk.create("writer", Desk.article("Hammered publication " + n, 1)).get("id").asLong();
                String review = openTask(editor, id, "medicalReview");
                var claimed = post(reviewer, "/api/tasks/" + review + "/claim", "");
                assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
                var completed = post(reviewer, "/api/tasks/" + review + "/complete", write(Desk.approveAll(1)));
                assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
                return id;
            }));
        }
        List<Long> ids = new ArrayList<>();
        for (var f : created) {
            ids.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        setup.shutdown();
        List<String> approvals = new ArrayList<>();
        for (long id : ids) {
            approvals.add(openTask(editor, id, "approvePublication"));
        }

        List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reads = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> hammers = new ArrayList<>();
        for (String who : List.of("admin", "editor", "reviewer")) {
            SessionClient client = new SessionClient(port);
            client.login(who, "demo");
            Thread hammer = new Thread(() -> {
                int n = 0;
                while (!done.get()) {
                    int k = n++ % count;
                    long id = ids.get(k);
                    List<String> paths = switch (who) {
                        case "admin" -> List.of("/api/admin/articles/" + id + "/history", "/admin/articles/" + id);
                        case "editor" -> List.of("/api/articles/" + id, "/articles/" + id, "/tasks/" + approvals.get(k));
                        default -> List.of("/api/tasks?queue=available", "/api/articles/" + id);
                    };
                    for (String path : paths) {
                        int status = client.get(path).statusCode();
                        reads.incrementAndGet();
                        if (status >= 500) {
                            serverErrors.add(who + " GET " + path + " → " + status);
                        }
                    }
                }
            });
            hammer.start();
            hammers.add(hammer);
        }
        for (String approval : approvals) {
            assertThat(post(editor, "/api/tasks/" + approval + "/claim", "").statusCode()).isEqualTo(200);
            assertThat(post(editor, "/api/tasks/" + approval + "/complete", write(Desk.decision("PUBLISH", null))).statusCode())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> ids.stream()
                .allMatch(id -> "PUBLISHED".equals(desk.article("editor", id).get("status").asText())));
        done.set(true);
        for (Thread hammer : hammers) {
            hammer.join(30_000);
        }
        assertThat(serverErrors).isEmpty();
        assertThat(reads.get()).as("the pages were read while the cycles ended").isGreaterThan(count * 3);
    }

    /**
     * What the engine logged at WARN or above on the server's request threads while {@code calls} ran
     * (the desk's calls run on them; the test's own thread and the job executor are left out).
     */
    private static List<String> engineComplaints(Runnable calls) {
        ch.qos.logback.classic.Logger engine = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.camunda");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen = new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        engine.addAppender(seen);
        try {
            calls.run();
        } finally {
            engine.detachAppender(seen);
        }
        return seen.list.stream().filter(e -> e.getThreadName().startsWith("http-nio"))
                .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    private static void refused(Throwable failure) {
        assertThat(FourEyesGuard.Refused.in(failure)).as("refused by the four-eyes guard: " + failure).isNotNull();
    }

    /** A reader reports on the live article; an editor reopens review for it. */
    private void reopenFor(String slug, long id, String comment) {
        Map<String, Object> body = Map.of("reason", "INACCURATE", "comment", comment);
        Api.Answer sent = api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + (READERS.incrementAndGet() % 250 + 1))
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        // the article's earlier triage tasks are done: the one open is this report's
        String triage = desk.awaitTask("editor", "available", "triageReport", id);
        desk.claim("editor", triage);
        Api.Answer reopened = api.post("editor", "/api/tasks/" + triage + "/complete", Desk.decision("REOPEN_REVIEW", null));
        assertThat(reopened.status()).as(reopened.text()).isEqualTo(200);
    }

    private String openTask(SessionClient client, long id, String key) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode article = JSON.readTree(client.get("/api/articles/" + id).body());
            for (JsonNode task : article.path("openTasks")) {
                if (key.equals(task.get("key").asText())) {
                    found[0] = task.get("id").asText();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static java.net.http.HttpResponse<String> post(SessionClient client, String path, String json) {
        return client.send("POST", path, Map.of("Content-Type", "application/json", "X-CSRF-TOKEN", client.csrfToken()), json);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
