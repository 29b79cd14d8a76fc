package com.imprimatur.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.TestMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notifications end to end, through the HTTP API and a real SMTP server (GreenMail, {@link TestMail}):
 * each kind reaches its people, in the app and by mail, with links from the public base URL, once.
 */
class NotificationsMailTest extends IntegrationTest {

    private static final String BASE = "https://imprimatur.test";
    private static final List<String> PEOPLE = List.of("writer", "reviewer", "reviewer2", "editor");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Digests digests;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() throws Exception {
        api = api();
        desk = new Desk(api);
        TestMail.server().purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void defaults() {
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            defaults.put(kind.name(), kind.fallback().name());
        }
        PEOPLE.forEach(p -> assertThat(api.send(p, put(defaults)).status()).isEqualTo(200));
    }

    @Test
    void everyKindReachesItsPeopleOnceWithItsLink() throws Exception {
        PEOPLE.forEach(p -> choose(p, Map.of("NEW_WORK", "IMMEDIATE")));
        String title = "Notified article " + System.nanoTime();
        long id = desk.create("writer", Desk.article(title, 1)).get("id").asLong();
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        // new work: every physician, at once (they chose IMMEDIATE), never the writer
        MimeMessage newWork = awaitMail("reviewer2@example.org", "New in your queue: Medical review of “" + title);
        assertThat(body(newWork)).contains(BASE + "/tasks/" + review);
        awaitMail("reviewer@example.org", "New in your queue: Medical review of “" + title);
        // an editor gives it to a physician: told; the editor is not told of their own act
        assertThat(api.post("editor", "/api/tasks/" + review + "/assign", Map.of("username", "reviewer")).status()).isEqualTo(200);
        assertThat(body(awaitMail("reviewer@example.org", "For you: Medical review of “" + title))).contains(BASE + "/tasks/" + review);
        // changes requested: the writer, with the comment
        assertThat(api.post("reviewer", "/api/tasks/" + review + "/complete",
                Desk.decision("REQUEST_CHANGES", "Cite the 2019 trial.")).status()).isEqualTo(200);
        MimeMessage changes = awaitMail("writer@example.org", "Changes requested: “" + title);
        assertThat(body(changes)).contains("Cite the 2019 trial.").contains(BASE + "/articles/" + id);
        // the revised article, approved and published: the editor's new work, the writer's publication
        assertThat(api.post("writer", "/api/articles/" + id + "/revisions", Desk.article(title, 1)).status()).isEqualTo(201);
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        awaitMail("editor@example.org", "New in your queue: Approve publication of “" + title);
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        desk.awaitStatus(id, "PUBLISHED");
        String slug = desk.article("editor", id).get("slug").asText();
        assertThat(body(awaitMail("writer@example.org", "Published: “" + title))).contains(BASE + "/public/articles/" + slug);
        // a reader's report: the editors; the reader who left an address, an acknowledgement and then the outcome
        String reader = "reader" + System.nanoTime() + "@example.net";
        assertThat(api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "127.0.0.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"OUTDATED\",\"comment\":\"Old dose.\",\"email\":\""
                        + reader + "\"}"))).status()).isEqualTo(202);
        assertThat(body(awaitMail("editor@example.org", "A reader reported article " + id))).contains(BASE + "/articles/" + id);
        assertThat(body(awaitMail(reader, "We received your report"))).contains(BASE + "/public/articles/" + slug);
        desk.decide("editor", "triageReport", id, Desk.decision("DISMISS", "INTERNAL: the reader misread the table."));
        MimeMessage outcome = awaitMail(reader, "Your report: the article stays as it is");
        assertThat(body(outcome)).doesNotContain("INTERNAL").doesNotContain("misread");
        // in the app too, with the unread count; and no mail came twice
        JsonNode mine = api.get("writer", "/api/me/notifications").json();
        assertThat(StreamSupport.stream(mine.spliterator(), false).map(n -> n.get("subject").asText())
                .filter(s -> s.contains(title))).contains("Changes requested: “" + title + "” (revision 1)");
        Thread.sleep(1500);
        assertEachOnce();
    }

    @Test
    void settingsTurnKindsOffAndRefuseWhatTheyDoNotKnow() {
        Api.Answer wrong = api.send("writer", put(Map.of("DECISION", "SOMETIMES", "GOSSIP", "OFF")));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text()).contains("DECISION").contains("GOSSIP");
        assertThat(api.get("writer", "/api/me/notification-settings").json().get("DECISION").asText()).isEqualTo("IMMEDIATE");
        choose("writer", Map.of("DECISION", "OFF"));
        assertThat(api.get("writer", "/api/me/notification-settings").json().get("DECISION").asText()).isEqualTo("OFF");
        String title = "Unannounced rejection " + System.nanoTime();
        long id = desk.create("writer", Desk.article(title, 1)).get("id").asLong();
        desk.decide("reviewer", "medicalReview", id, Desk.decision("REJECT", "No."));
        // written in the decision's transaction: nothing in the app, nothing queued for mail
        assertThat(api.get("writer", "/api/me/notifications").text()).doesNotContain(title);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject like ?", Integer.class, "%" + title + "%"))
                .isZero();
    }

    @Test
    void aDigestGathersWhatWaited() throws Exception {
        String first = "Digest one " + System.nanoTime();
        String second = "Digest two " + System.nanoTime();
        desk.create("writer", Desk.article(first, 1));
        desk.create("writer", Desk.article(second, 1));
        assertThat(api.get("reviewer2", "/api/me/notifications").text()).contains(first).contains(second);
        assertThat(digests.gather()).isPositive();
        MimeMessage digest = awaitMail("reviewer2@example.org", "Your Imprimatur digest");
        assertThat(body(digest)).contains(first).contains(second).contains(BASE + "/tasks/");
        assertThat(digest.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + BASE + "/me#notifications>");
        // gathered once: the next digest has nothing of these
        digests.gather();
        Thread.sleep(1000);
        assertThat(Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> text(m).contains(first)).map(NotificationsMailTest::to)
                .toList()).containsExactlyInAnyOrder("reviewer@example.org", "reviewer2@example.org");
    }

    @Test
    void aMailServerDownDelaysMailAndFailsNoDecision() throws Exception {
        String title = "Outage " + System.nanoTime();
        long id = desk.create("writer", Desk.article(title, 1)).get("id").asLong();
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        TestMail.stop();
        try {
            assertThat(api.post("editor", "/api/tasks/" + review + "/assign", Map.of("username", "reviewer2")).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select coalesce(max(attempts), 0) from mail_outbox where state = 'PENDING' and subject like ?", Integer.class,
                    "%" + title + "%") >= 2);
        } finally {
            TestMail.server();
        }
        awaitMail("reviewer2@example.org", "For you: Medical review of “" + title);
        Thread.sleep(1500);
        assertEachOnce();
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where state = 'SENT' and subject like ?", Integer.class,
                "%" + title + "%")).isEqualTo(1);
    }

    @Test
    void anOverdueReviewTellsItsHolderAndTheEditorsOnceFromTheTimer() throws Exception {
        String title = "Late review " + System.nanoTime();
        long id = desk.create("writer", Desk.article(title, 1)).get("id").asLong();
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        desk.claim("reviewer", review);
        String instance = tasks.createTaskQuery().taskId(review).singleResult().getProcessInstanceId();
        Job overdue = management.createJobQuery().processInstanceId(instance).activityId("reviewOverdue").singleResult();
        assertThat(overdue.getDuedate()).isCloseTo(tasks.createTaskQuery().taskId(review).singleResult().getDueDate(), 5000);
        // the review's time is up: the BPMN timer fires
        management.setJobDuedate(overdue.getId(), new Date(System.currentTimeMillis() - 1000));
        MimeMessage holder = awaitMail("reviewer@example.org", "Overdue: medical review of “" + title);
        assertThat(body(holder)).contains(BASE + "/tasks/" + review);
        awaitMail("editor@example.org", "Overdue: medical review of “" + title);
        assertThat(api.get("editor", "/api/me/notifications").text()).contains("Overdue: medical review of “" + title);
        // the editors reassign it: the clock starts again (a new due date, new timers) for the new holder
        assertThat(api.post("editor", "/api/tasks/" + review + "/assign", Map.of("username", "reviewer2")).status()).isEqualTo(200);
        Date due = tasks.createTaskQuery().taskId(review).singleResult().getDueDate();
        assertThat(due).isAfter(new Date(System.currentTimeMillis() + Duration.ofDays(6).toMillis()));
        Job again = management.createJobQuery().processInstanceId(instance).activityId("reviewOverdue").singleResult();
        assertThat(again.getDuedate()).isCloseTo(due, 5000);
        assertThat(management.createJobQuery().processInstanceId(instance).activityId("reviewDueSoon").count()).isEqualTo(1);
        Thread.sleep(1500);
        assertEachOnce();
        assertThat(Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> subject(m).contains("Overdue: medical review of “" + title))
                .count()).isEqualTo(2);
    }

    private void choose(String person, Map<String, String> settings) {
        Api.Answer answer = api.send(person, put(settings));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }

    private HttpRequest.Builder put(Map<String, String> settings) {
        try {
            return HttpRequest.newBuilder(api.uri("/api/me/notification-settings")).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(settings)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage awaitMail(String to, String subjectStart) {
        java.util.concurrent.atomic.AtomicReference<MimeMessage> found = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (MimeMessage m : TestMail.server().getReceivedMessages()) {
                if (subject(m).startsWith(subjectStart) && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(to))) {
                    found.set(m);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** No message (one event, one recipient) arrived twice. */
    private static void assertEachOnce() throws MessagingException {
        List<String> keys = new java.util.ArrayList<>();
        for (MimeMessage m : TestMail.server().getReceivedMessages()) {
            keys.add(m.getHeader("X-Imprimatur-Message")[0]);
        }
        assertThat(keys).doesNotHaveDuplicates();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) {
        try {
            return subject(m) + "\n" + parts(m.getContent());
        } catch (java.io.IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of every part (text and HTML alike). */
    private static String parts(Object content) throws java.io.IOException, MessagingException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(parts(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    private static String body(MimeMessage m) {
        return text(m);
    }
}
