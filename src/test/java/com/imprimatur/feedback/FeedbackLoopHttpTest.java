package com.imprimatur.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** From a reader's report back into review, and the rules that keep reports useful. */
class FeedbackLoopHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
    }

    private static final AtomicInteger READERS = new AtomicInteger();

    /** A reader behind our proxy: every test reader has an address of their own. */
    private static String reader() {
        int n = READERS.incrementAndGet();
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    private Api.Answer report(String slug, Map<String, Object> body, String client) {
        try {
            return api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/feedback"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> inaccurate(String comment, String passage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "INACCURATE");
        body.put("comment", comment);
        if (passage != null) {
            body.put("passage", passage);
        }
        return body;
    }

    private long reports() {
        return jdbc.queryForObject("select count(*) from feedback_report", Long.class);
    }

    private JsonNode published(String title) {
        Map<String, Object> content = Desk.article(title, 1);
        JsonNode created = desk.publish("writer", content, 1);
        return created;
    }

    private static String passageOf(JsonNode page) {
        String[] words = page.get("body").asText().split(" ");
        return String.join(" ", Arrays.copyOfRange(words, 2, 9));
    }

    @Test
    void aReportReopensReviewAndTheCorrectedRevisionIsRepublished() {
        JsonNode created = published("Folic acid before pregnancy");
        long id = created.get("id").asLong();
        String slug = created.get("slug").asText();
        JsonNode before = api.get(null, "/api/public/articles/" + slug).json();
        Instant firstReview = Instant.parse(before.get("lastReviewed").asText());

        Map<String, Object> body = inaccurate("The dose in the second paragraph looks ten times too high.", passageOf(before));
        body.put("email", "reader@example.org");
        Api.Answer filed = report(slug, body, reader());
        assertThat(filed.status()).as(filed.text()).isEqualTo(202);
        String reportId = filed.json().get("reportId").asText();
        assertThat(jdbc.queryForObject("select state from feedback_report where public_id = ?", String.class, reportId))
                .isEqualTo("RECEIVED");

        // the editor's triage task names the report; the editor reopens review
        String triage = desk.awaitTask("editor", "available", "triageReport", id);
        JsonNode task = find(api.get("editor", "/api/tasks?queue=available").json(), triage);
        assertThat(task.get("reportId").asText()).isEqualTo(reportId);
        assertThat(task.get("revision").asInt()).isEqualTo(1);
        // a triage is no review cycle: the article shows neither a cycle nor the triage among its open tasks
        JsonNode beforeTriage = desk.article("editor", id);
        assertThat(beforeTriage.hasNonNull("cycle")).as(beforeTriage.toString()).isFalse();
        assertThat(beforeTriage.path("openTasks")).isEmpty();
        desk.claim("editor", triage);
        Api.Answer reopened = api.post("editor", "/api/tasks/" + triage + "/complete", Desk.decision("REOPEN_REVIEW", null));
        assertThat(reopened.status()).as(reopened.text()).isEqualTo(200);

        JsonNode article = desk.article("editor", id);
        assertThat(article.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(article.get("cycle").get("openedBecause").asText()).isEqualTo("READER_REPORT");
        assertThat(article.get("cycle").get("revision").asInt()).isEqualTo(1);
        assertThat(article.get("openTasks").findValuesAsText("key")).containsExactly("medicalReview");
        assertThat(article.get("openTasks").get(0).get("revision").asInt()).isEqualTo(1);
        assertThat(article.get("publishedRevision").asInt()).isEqualTo(1);
        assertThat(api.get(null, "/api/public/articles/" + slug).status()).as("stays live during re-review").isEqualTo(200);

        // the physician sees the report (without the reader's e-mail); the editor sees the e-mail
        JsonNode seenByReviewer = api.get("reviewer", "/api/articles/" + id + "/reports").json();
        assertThat(seenByReviewer.get(0).get("id").asText()).isEqualTo(reportId);
        assertThat(seenByReviewer.get(0).get("state").asText()).isEqualTo("REVIEW_REOPENED");
        assertThat(seenByReviewer.get(0).get("cycleId").asText()).isEqualTo(article.get("cycle").get("id").asText());
        assertThat(seenByReviewer.get(0).has("email")).isFalse();
        assertThat(api.get("editor", "/api/articles/" + id + "/reports").json().get(0).get("email").asText())
                .isEqualTo("reader@example.org");
        assertThat(api.get("writer2", "/api/articles/" + id + "/reports").status()).isEqualTo(404);

        // review of the published revision: changes requested, corrected, approved, republished
        desk.decide("reviewer", "medicalReview", id, Desk.decision("REQUEST_CHANGES", "Correct the dose."));
        Api.Answer corrected = api.post("writer", "/api/articles/" + id + "/revisions", Desk.article("Folic acid before pregnancy", 1));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
        desk.decide("reviewer2", "medicalReview", id, Desk.approveAll(1));
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(null, "/api/public/articles/" + slug).json().get("revision").asInt() == 2);

        JsonNode after = api.get(null, "/api/public/articles/" + slug).json();
        assertThat(Instant.parse(after.get("lastReviewed").asText())).isAfter(firstReview);
        assertThat(after.get("reviewedBy").get("name").asText()).isEqualTo("Dr. Rahul Iyer");
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    void aSecondReportJoinsTheOpenCycleAndADismissalNeedsAReason() {
        JsonNode created = published("Iron supplements and constipation");
        long id = created.get("id").asLong();
        String slug = created.get("slug").asText();

        String first = report(slug, inaccurate("Outdated advice on dosing.", null), reader()).json().get("reportId").asText();
        Map<String, Object> outdated = new LinkedHashMap<>();
        outdated.put("reason", "OUTDATED");
        String second = report(slug, outdated, reader()).json().get("reportId").asText();
        String third = report(slug, inaccurate("I just do not like it.", null), reader()).json().get("reportId").asText();

        desk.decide("editor", "triageReport", id, Desk.decision("REOPEN_REVIEW", null));
        String cycle = desk.article("editor", id).get("cycle").get("id").asText();
        desk.decide("editor", "triageReport", id, Desk.decision("REOPEN_REVIEW", "Another reader saw the same."));

        String dismissTask = desk.awaitTask("editor", "available", "triageReport", id);
        desk.claim("editor", dismissTask);
        Api.Answer bare = api.post("editor", "/api/tasks/" + dismissTask + "/complete", Desk.decision("DISMISS", null));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.problemType()).isEqualTo("comment-required");
        assertThat(api.post("editor", "/api/tasks/" + dismissTask + "/complete",
                Desk.decision("DISMISS", "A matter of taste, not of fact.")).status()).isEqualTo(200);

        Map<String, JsonNode> byId = new LinkedHashMap<>();
        api.get("editor", "/api/articles/" + id + "/reports").json().forEach(r -> byId.put(r.get("id").asText(), r));
        assertThat(byId).containsKeys(first, second, third);
        long reopened = byId.values().stream().filter(r -> r.get("state").asText().equals("REVIEW_REOPENED")).count();
        assertThat(reopened).isEqualTo(2);
        assertThat(byId.values().stream().filter(r -> r.get("state").asText().equals("REVIEW_REOPENED"))
                .map(r -> r.get("cycleId").asText())).containsOnly(cycle);
        JsonNode dismissed = byId.values().stream().filter(r -> r.get("state").asText().equals("DISMISSED")).findFirst().orElseThrow();
        assertThat(dismissed.get("triageNote").asText()).isEqualTo("A matter of taste, not of fact.");
        assertThat(dismissed.get("triagedBy").asText()).isEqualTo("editor");
        assertThat(desk.awaitTask("reviewer", "available", "medicalReview", id)).isNotBlank();
    }

    @Test
    void everyRuleOfAReportAnswersInWordsAndStoresNothing() {
        JsonNode created = published("Zinc lozenges and colds");
        String slug = created.get("slug").asText();
        long before = reports();
        String client = reader();

        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("reason", Map.of("comment", "no reason given"));
        cases.put("reason ", Map.of("reason", "ANGRY", "comment", "not a reason"));
        cases.put("comment", Map.of("reason", "INACCURATE"));
        cases.put("comment ", Map.of("reason", "OTHER", "comment", "<p></p>"));
        cases.put("comment  ", Map.of("reason", "QUESTIONABLE", "comment", "x".repeat(2001)));
        cases.put("passage", Map.of("reason", "INACCURATE", "comment", "wrong", "passage", "words that never appear anywhere"));
        cases.put("email", Map.of("reason", "INACCURATE", "comment", "wrong", "email", "not-an-address"));
        cases.put("website", Map.of("reason", "INACCURATE", "comment", "buy now", "website", "http://spam.example"));
        for (var rule : cases.entrySet()) {
            Api.Answer answer = report(slug, rule.getValue(), client);
            assertThat(answer.status()).as(rule.getKey()).isEqualTo(422);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().get("errors").findValuesAsText("field")).as(rule.getKey()).contains(rule.getKey().strip());
        }
        assertThat(report(slug, Map.of("reason", "INACCURATE", "comment", "x", "colour", "red"), client).status()).isEqualTo(400);
        assertThat(report("no-such-article", inaccurate("wrong", null), client).status()).isEqualTo(404);
        assertThat(reports()).isEqualTo(before);

        // OUTDATED alone is enough; HTML is stripped before it is stored (a new reader: the one above
        // has used up this hour's ten attempts)
        client = reader();
        Map<String, Object> outdated = new LinkedHashMap<>();
        outdated.put("reason", "outdated");
        assertThat(report(slug, outdated, client).status()).isEqualTo(202);
        Api.Answer html = report(slug, inaccurate("<b>Wrong</b> <script>alert('x')</script>dose <img src=x onerror=alert(1)>", null), client);
        assertThat(html.status()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select comment from feedback_report where public_id = ?", String.class,
                html.json().get("reportId").asText())).isEqualTo("Wrong dose");
    }

    /**
     * Markup that made the old stripping quadratic ("<script" 16,000 times took 11.9 s), two million
     * characters of it: refused as too long before anything strips it, and over the request limit, 413.
     */
    @Test
    void aHugeAdversarialCommentIsRefusedBeforeItIsRead() {
        String slug = published("Caffeine and sleep").get("slug").asText();
        long before = reports();
        long start = System.nanoTime();
        Api.Answer huge = report(slug, inaccurate("<script".repeat(2_000_000 / 7), "<style".repeat(2_000)), reader());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.json().get("errors").findValuesAsText("field")).containsExactly("comment", "passage");
        assertThat(took).as("refused without stripping").isLessThan(Duration.ofSeconds(5));
        assertThat(report(slug, inaccurate("<script".repeat(400_000), null), reader()).status()).isEqualTo(413);
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void theSameReportFromTheSameReaderGetsTheSameId() {
        String slug = published("Vitamin C and colds").get("slug").asText();
        String client = reader();
        long before = reports();
        Map<String, Object> body = inaccurate("The trial cited was in marathon runners only.", null);

        String first = report(slug, body, client).json().get("reportId").asText();
        Api.Answer again = report(slug, inaccurate("  The trial cited was in MARATHON runners only  ", null), client);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("reportId").asText()).isEqualTo(first);
        assertThat(reports()).isEqualTo(before + 1);

        String fromSomeoneElse = report(slug, body, reader()).json().get("reportId").asText();
        assertThat(fromSomeoneElse).isNotEqualTo(first);

        // a day later the same words count as a new report
        jdbc.update("update feedback_report set created_at = ? where public_id = ?",
                Timestamp.from(Instant.now().minus(25, ChronoUnit.HOURS)), first);
        String nextDay = report(slug, body, client).json().get("reportId").asText();
        assertThat(nextDay).isNotEqualTo(first);
        assertThat(reports()).isEqualTo(before + 3);
    }

    @Test
    void identicalReportsSentAtTheSameMomentAreStoredOnce() throws Exception {
        String slug = published("Magnesium and cramps").get("slug").asText();
        String client = reader();
        long before = reports();
        Map<String, Object> body = inaccurate("The cramp study had twelve participants.", null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Api.Answer>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return report(slug, body, client);
                }));
            }
            go.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : sent) {
                assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(202);
                ids.add(answer.get().json().get("reportId").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(reports()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readersSendingAtOnceAreStoredTogetherEachWithItsTriageTaskAndAuditEvent() throws Exception {
        JsonNode created = published("Iron and fatigue");
        String slug = created.get("slug").asText();
        long article = created.get("id").asLong();
        int readers = 24;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(readers);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Api.Answer>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < readers; i++) {
                String comment = "Reader " + i + " says the ferritin range is wrong.";
                String client = reader();
                sent.add(pool.submit(() -> {
                    go.await();
                    return report(slug, inaccurate(comment, null), client);
                }));
            }
            go.countDown();
            Map<String, String> commentOf = new java.util.HashMap<>();
            for (int i = 0; i < readers; i++) {
                Api.Answer answer = sent.get(i).get();
                assertThat(answer.status()).as(answer.text()).isEqualTo(202);
                commentOf.put(answer.json().get("reportId").asText(), "Reader " + i + " says the ferritin range is wrong.");
            }
            assertThat(commentOf).hasSize(readers);
            // stored together: a group is written with one timestamp, and at least one group held several
            assertThat(jdbc.queryForObject("select max(n) from (select count(*) n from feedback_report where article_id = ?"
                    + " group by created_at) g", Long.class, article)).isGreaterThan(1L);
            for (String id : commentOf.keySet()) {
                // each reader got the id of their own report
                assertThat(jdbc.queryForObject("select comment from feedback_report where public_id = ? and article_id = ?",
                        String.class, id, article)).as(id).isEqualTo(commentOf.get(id));
                assertThat(jdbc.queryForObject("select count(*) from task_queue where report_id = ? and task_key = 'triageReport'",
                        Long.class, id)).as("triage task of " + id).isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from audit_event where type = 'report.received' and details like ?",
                        Long.class, "%" + id + "%")).as("audit event of " + id).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Autowired
    FeedbackIntake intake;

    @Autowired
    ReportStore store;

    @Autowired
    javax.sql.DataSource dataSource;

    /** The twin is committed by another transaction (another node) between our look-up and our insert. */
    @Test
    void aReportWhoseTwinIsCommittedElsewhereAtTheSameMomentGetsTheTwinsId() {
        String slug = published("Caffeine and sleep").get("slug").asText();
        String client = reader();
        Map<String, Object> body = inaccurate("The half-life of caffeine is longer in pregnancy.", null);
        FeedbackIntake.Checked checked = intake.check(slug,
                new FeedbackRequest("INACCURATE", (String) body.get("comment"), null, null, null), client);
        String twin = java.util.UUID.randomUUID().toString();
        long before = reports();
        AtomicInteger races = new AtomicInteger();
        store.afterLookUp(() -> {
            if (races.getAndIncrement() > 0) {
                return; // only the first attempt meets the twin's arrival
            }
            try (java.sql.Connection other = dataSource.getConnection();
                    var insert = other.prepareStatement("insert into feedback_report (public_id, article_id, revision_number, "
                            + "reason, comment, client_hash, dedupe_key, state, created_at) values (?, ?, ?, 'INACCURATE', ?, ?, ?, 'RECEIVED', utc_timestamp(6))")) {
                other.setAutoCommit(true);
                insert.setString(1, twin);
                insert.setLong(2, checked.articleId());
                insert.setInt(3, checked.revision());
                insert.setString(4, checked.comment());
                insert.setString(5, checked.clientHash());
                insert.setString(6, checked.dedupeKey());
                insert.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Api.Answer answer = report(slug, body, client);
            assertThat(answer.status()).as(answer.text()).isEqualTo(202);
            assertThat(answer.json().get("reportId").asText()).isEqualTo(twin);
            // the clash rolled the first attempt back; the second found the twin
            assertThat(races.get()).isEqualTo(2);
            assertThat(reports()).isEqualTo(before + 1);
        } finally {
            store.afterLookUp(() -> { });
        }
    }

    @Test
    void readersMayOnlyReadArticlesAndSendReportsAndVotes() {
        String slug = published("Zinc and colds").get("slug").asText();
        Api.Answer elsewhere = api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/reports")).GET());
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.problemType()).isEqualTo("forbidden");
        // the limit counts the path as the handler sees it, escaped letters and all
        String flooder = reader();
        int accepted = 0;
        Api.Answer last = null;
        for (int i = 0; i < 11; i++) {
            last = api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/%66eedback"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", flooder)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"OUTDATED\",\"comment\":\"escaped " + i + "\"}")));
            accepted += last.status() == 202 ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(last.status()).isEqualTo(429);
    }

    @Test
    void aTriageProcessKeepsItsVariablesHistoryButNotTheirValuesTwice() {
        JsonNode created = published("Vitamin B12 and vegans");
        long id = created.get("id").asLong();
        String reportId = report(created.get("slug").asText(), inaccurate("B12 from algae is not reliable.", null), reader())
                .json().get("reportId").asText();
        String instance = jdbc.queryForObject("select process_instance_id from task_queue where report_id = ?", String.class, reportId);
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ?", Long.class, instance))
                .isEqualTo(4);
        // a value set once is in its variable's history row only (workflow.EngineHistory); a review cycle keeps
        // the values it started with as details too (Camunda's restart with the initial variables reads them)
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ?", Long.class, instance))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL d join ACT_HI_PROCINST p on p.ID_ = d.PROC_INST_ID_"
                + " where p.BUSINESS_KEY_ = ? and p.PROC_DEF_KEY_ = 'article-review' and not d.INITIAL_", Long.class, String.valueOf(id)))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL d join ACT_HI_PROCINST p on p.ID_ = d.PROC_INST_ID_"
                + " where p.BUSINESS_KEY_ = ? and p.PROC_DEF_KEY_ = 'article-review' and d.INITIAL_", Long.class, String.valueOf(id)))
                .isPositive();
        desk.decide("editor", "triageReport", id, Desk.decision("DISMISS", "Covered in the article's second section."));
        assertThat(jdbc.queryForObject("select TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'triageReportDecision'",
                String.class, instance)).isEqualTo("DISMISS");
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ?", Long.class, instance)).isZero();
    }

    @Test
    void aFloodFromOneClientIsTurnedAwayWithoutHurtingOthers() {
        String slug = published("Sunscreen and vitamin D").get("slug").asText();
        String flooder = reader();
        int accepted = 0;
        Api.Answer refused = null;
        for (int i = 0; i < 15 && refused == null; i++) {
            Api.Answer answer = report(slug, inaccurate("Report number " + i + " about the same thing", null), flooder);
            if (answer.status() == 202) {
                accepted++;
            } else {
                refused = answer;
            }
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.problemType()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(report(slug, inaccurate("A different reader, a fair report.", null), reader()).status()).isEqualTo(202);
    }

    @Test
    void helpfulVotesAreCountedPerArticleAndRevision() {
        JsonNode created = published("Stretching before running");
        String slug = created.get("slug").asText();
        long id = created.get("id").asLong();
        for (boolean helpful : new boolean[] {true, true, false}) {
            Api.Answer vote = api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/helpful"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", reader())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"helpful\": " + helpful + "}")));
            assertThat(vote.status()).isEqualTo(204);
        }
        Map<String, Object> tally = jdbc.queryForMap(
                "select helpful, not_helpful from helpful_vote where article_id = ? and revision_number = 1", id);
        assertThat(((Number) tally.get("helpful")).longValue()).isEqualTo(2);
        assertThat(((Number) tally.get("not_helpful")).longValue()).isEqualTo(1);
        assertThat(api.post(null, "/api/public/articles/" + slug + "/helpful", "{}").status()).isEqualTo(422);
        assertThat(api.post(null, "/api/public/articles/nowhere/helpful", "{\"helpful\": true}").status()).isEqualTo(404);
    }

    @Test
    void theReReviewTimerReopensReviewOfArticlesLastReviewedOverAYearAgo() {
        JsonNode created = published("Flu vaccination for older adults");
        long id = created.get("id").asLong();
        jdbc.update("update article set last_reviewed_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(370, ChronoUnit.DAYS)), id);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> desk.article("editor", id).get("status").asText().equals("IN_REVIEW"));
        JsonNode article = desk.article("editor", id);
        assertThat(article.get("cycle").get("openedBecause").asText()).isEqualTo("SCHEDULED_RE_REVIEW");
        assertThat(article.get("cycle").get("revision").asInt()).isEqualTo(1);
        assertThat(api.get(null, "/api/public/articles/" + created.get("slug").asText()).status()).isEqualTo(200);
        assertThat(desk.awaitTask("reviewer", "available", "medicalReview", id)).isNotBlank();
    }

    @Autowired
    com.imprimatur.article.ArticleService articleService;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * A triage and the re-review timer (or two triages, on two nodes) reopening one article at the
     * same moment: the second waits for the first to commit and joins its cycle; without the lock it
     * opened a second cycle, and the article view then failed on two open cycles.
     */
    @Test
    void twoReopensAtTheSameMomentShareOneCycle() throws Exception {
        long id = published("Omega-3 and the heart").get("id").asLong();
        java.util.concurrent.CountDownLatch firstOpened = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commitFirst = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<String> first = threads.submit(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                    .execute(status -> {
                        String cycle = articleService.reopenReview(id, com.imprimatur.article.ReviewRoute.CycleReason.READER_REPORT);
                        firstOpened.countDown();
                        try {
                            commitFirst.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return cycle;
                    }));
            assertThat(firstOpened.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            java.util.concurrent.Future<String> second = threads.submit(
                    () -> articleService.reopenReview(id, com.imprimatur.article.ReviewRoute.CycleReason.SCHEDULED_RE_REVIEW));
            Thread.sleep(700);
            assertThat(second.isDone()).as("the second reopen waits while the first is not committed").isFalse();
            commitFirst.countDown();
            String cycle = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(cycle);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? and PARENT_ID_ is null",
                Long.class, String.valueOf(id))).isEqualTo(1);
        JsonNode article = desk.article("editor", id);
        assertThat(article.get("cycle").get("openedBecause").asText()).isEqualTo("READER_REPORT");
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
