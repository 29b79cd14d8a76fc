package com.imprimatur.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.TestDatabase;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: what the route leaves in it, its views and exports, and its tamper evidence: the
 * chain, the keyed MACs and the signed checkpoints, against what a DBA can do with plain SQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailHttpTest extends IntegrationTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditCheckpoints checkpoints;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
    }

    @Test
    void anArticlesWholeRouteIsInItsHistoryAndTheChainVerifies() {
        long id = desk.create("writer", Desk.article("Audited article on sleep", 1)).get("id").asLong();
        desk.decide("reviewer", "medicalReview", id, Desk.decision("REQUEST_CHANGES", "Cite the sleep study."));
        Api.Answer second = api.post("writer", "/api/articles/" + id + "/revisions", Desk.article("Audited article on sleep, revised", 1));
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        desk.awaitStatus(id, "PUBLISHED");
        String slug = desk.article("editor", id).get("slug").asText();
        Api.Answer report = api.send(null, HttpRequest.newBuilder(api.uri("/api/public/articles/" + slug + "/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.77")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"OUTDATED\"}")));
        assertThat(report.status()).as(report.text()).isEqualTo(202);
        desk.decide("editor", "triageReport", id, Desk.decision("DISMISS", "The guidance is current."));

        Api.Answer history = api.get("admin", "/api/admin/articles/" + id + "/history");
        assertThat(history.status()).as(history.text()).isEqualTo(200);
        assertThat(history.json().get("revisions")).hasSize(2);
        List<String> types = history.json().get("timeline").findValuesAsText("type");
        assertThat(types).containsSubsequence("article.created", "revision.submitted", "task.claimed", "task.completed",
                "revision.submitted", "task.claimed", "factcheck.passed", "references.verdicts", "task.completed",
                "plagiarism.checked", "task.claimed", "factcheck.passed", "task.completed", "revision.published",
                "report.received", "task.claimed", "task.completed", "report.dismissed");
        JsonNode requestChanges = event(history.json(), "task.completed", 0);
        assertThat(requestChanges.get("actor").asText()).isEqualTo("reviewer");
        assertThat(requestChanges.get("revision").asInt()).isEqualTo(1);
        assertThat(requestChanges.at("/details/decision").asText()).isEqualTo("REQUEST_CHANGES");
        assertThat(requestChanges.at("/details/comment").asText()).isEqualTo("Cite the sleep study.");
        assertThat(requestChanges.get("occurredAt").asText()).endsWith("Z");
        assertThat(event(history.json(), "references.verdicts", 0).at("/details/verdicts/0/verdict").asText()).isEqualTo("VERIFIED");
        assertThat(event(history.json(), "revision.published", 0).at("/details/reviewedBy").asText()).isEqualTo("reviewer");
        assertThat(event(history.json(), "revision.published", 0).get("actor").asText()).isEqualTo("system");
        assertThat(event(history.json(), "report.received", 0).get("actor").asText()).isEqualTo("reader");
        assertThat(event(history.json(), "report.received", 0).get("details").has("email")).isFalse();
        assertThat(event(history.json(), "report.dismissed", 0).at("/details/justification").asText()).isEqualTo("The guidance is current.");
        assertThat(event(history.json(), "revision.submitted", 1).at("/details/sha256").asText()).hasSize(64);

        Api.Answer verify = api.get("admin", "/api/admin/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().get("valid").asBoolean()).as(verify.text()).isTrue();
        assertThat(verify.json().get("events").asLong()).isGreaterThanOrEqualTo(types.size());
        assertThat(verify.json().has("firstBrokenEvent")).isFalse();

        // the page shows the same history, with a diff between the two revisions
        com.imprimatur.support.SessionClient browser = new com.imprimatur.support.SessionClient(port);
        assertThat(browser.login("admin", "demo").statusCode()).isEqualTo(302);
        var page = browser.get("/admin/articles/" + id + "?from=1&to=2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("report.dismissed", "revision.published", "<ins>", "revised");
        assertThat(browser.get("/admin/audit?article=" + id).body()).contains("plagiarism.checked");
    }

    @Test
    void theListingFiltersAndPagesNewestFirstAndExports() {
        long id = desk.create("writer2", Desk.article("Audited listing", 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
        desk.claim("reviewer", task);
        assertThat(api.post("reviewer", "/api/tasks/" + task + "/unclaim", "").status()).isEqualTo(200);

        Api.Answer listing = api.get("admin", "/api/admin/audit?article=" + id + "&size=2");
        assertThat(listing.status()).as(listing.text()).isEqualTo(200);
        assertThat(listing.json().get("total").asLong()).isGreaterThanOrEqualTo(4);
        JsonNode events = listing.json().get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("type").asText()).isEqualTo("task.unclaimed");
        assertThat(events.get(0).get("seq").asLong()).isGreaterThan(events.get(1).get("seq").asLong());
        Api.Answer older = api.get("admin", "/api/admin/audit?article=" + id + "&size=2&page=1");
        assertThat(older.json().get("events").get(0).get("seq").asLong()).isLessThan(events.get(1).get("seq").asLong());

        Api.Answer byActor = api.get("admin", "/api/admin/audit?actor=writer2&article=" + id);
        assertThat(byActor.json().get("events").findValuesAsText("actor")).containsOnly("writer2").isNotEmpty();
        Api.Answer future = api.get("admin", "/api/admin/audit?from=2999-01-01");
        assertThat(future.json().get("total").asLong()).isZero();
        Api.Answer today = api.get("admin", "/api/admin/audit?article=" + id + "&from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                + "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(today.json().get("total").asLong()).isEqualTo(listing.json().get("total").asLong());
        assertThat(api.get("admin", "/api/admin/audit?from=yesterday").status()).isEqualTo(400);

        Api.Answer csv = api.get("admin", "/api/admin/articles/" + id + "/history/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).startsWith("seq,occurred_at,actor,type");
        assertThat(lines).hasSize(1 + (int) listing.json().get("total").asLong());
        assertThat(lines[1]).contains("\"article.created\"");
        Api.Answer json = api.get("admin", "/api/admin/audit/export?format=json&article=" + id);
        assertThat(json.json().isArray()).isTrue();
        assertThat(json.json()).hasSize((int) listing.json().get("total").asLong());
        assertThat(json.json().get(json.json().size() - 1).get("type").asText()).isEqualTo("task.unclaimed");
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        trail.recordAs("tester", "test.append-only", null, null, Map.of("n", 1));
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'mallory' where type = 'test.append-only'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where type = 'test.append-only'"))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where type = 'test.append-only' and actor = 'tester'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void anAlteredRowIsNamedByTheVerification() throws SQLException {
        trail.recordAs("tester", "test.tamper-target", null, null, Map.of("amount", 10));
        trail.recordAs("tester", "test.after-target", null, null, Map.of());
        long seq = jdbc.queryForObject("select max(seq) from audit_event where type = 'test.tamper-target'", Long.class);
        String original = jdbc.queryForObject("select details from audit_event where seq = ?", String.class, seq);
        try (Connection root = privileged()) {
            alter(root, seq, "{\"amount\":1000}");
            try {
                Api.Answer verify = api.get("admin", "/api/admin/audit/verify");
                assertThat(verify.json().get("valid").asBoolean()).as(verify.text()).isFalse();
                assertThat(verify.json().at("/firstBrokenEvent/seq").asLong()).isEqualTo(seq);
                assertThat(verify.json().at("/firstBrokenEvent/type").asText()).isEqualTo("test.tamper-target");
                assertThat(verify.json().at("/firstBrokenEvent/reason").asText()).contains("altered");
                assertThat(verify.json().get("events").asLong()).isEqualTo(seq);
            } finally {
                alter(root, seq, original);
            }
        }
        assertThat(api.get("admin", "/api/admin/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void checkpointsAreSignedLoggedAndExported(CapturedOutput output) {
        trail.recordAs("tester", "test.checkpointed", null, null, Map.of());
        Checkpoint written = checkpoints.write();
        assertThat(written.seq()).isEqualTo(jdbc.queryForObject("select last_seq from audit_chain_head", Long.class));
        assertThat(output.getAll()).contains("Audit checkpoint " + written.token());

        Api.Answer listed = api.get("admin", "/api/admin/audit/checkpoints?size=5");
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        JsonNode latest = listed.json().get(0);
        assertThat(latest.get("token").asText()).isEqualTo(written.token());
        assertThat(latest.get("seq").asLong()).isEqualTo(written.seq());
        assertThat(latest.get("events").asLong()).isEqualTo(written.seq());
        assertThat(latest.has("mac")).isFalse();

        Api.Answer verified = verify(written.token());
        assertThat(verified.json().get("valid").asBoolean()).as(verified.text()).isTrue();
        assertThat(verified.json().at("/checkpoint/seq").asLong()).isEqualTo(written.seq());
        // a checkpoint not signed with our key proves nothing and says so
        String forged = written.token().substring(0, written.token().length() - 1)
                + (written.token().endsWith("0") ? "1" : "0");
        Api.Answer refused = verify(forged);
        assertThat(refused.json().get("valid").asBoolean()).isFalse();
        assertThat(refused.json().at("/firstBrokenEvent/reason").asText()).contains("not one of ours");
        assertThat(verify("v1.12.12.not-a-checkpoint").status()).isEqualTo(400);
    }

    @Test
    void aTailCutOffAsADbaWouldIsReportedAgainstTheLastCheckpoint() throws SQLException {
        for (int i = 0; i < 3; i++) {
            trail.recordAs("tester", "test.tail", null, null, Map.of("i", i));
        }
        Checkpoint exported = checkpoints.write();
        long keep = exported.seq() - 2;
        List<Map<String, Object>> cut = jdbc.queryForList("select * from audit_event where seq > ? order by seq", keep);
        try (Connection root = privileged(); Statement s = root.createStatement()) {
            // the DBA lifts the trigger, deletes the last two events, moves the head back and puts the trigger back
            s.execute("drop trigger audit_event_no_delete");
            try {
                s.executeUpdate("delete from audit_event where seq > " + keep);
                s.executeUpdate("update audit_chain_head set last_seq = " + keep
                        + ", last_hash = (select hash from audit_event where seq = " + keep + ") where id = 1");
            } finally {
                s.execute(NO_DELETE);
            }
            try {
                for (Api.Answer verify : List.of(verify(exported.token()), api.get("admin", "/api/admin/audit/verify"))) {
                    assertThat(verify.json().get("valid").asBoolean()).as(verify.text()).isFalse();
                    assertThat(verify.json().get("events").asLong()).isEqualTo(keep);
                    assertThat(verify.json().at("/firstBrokenEvent/seq").asLong()).isEqualTo(keep + 1);
                    assertThat(verify.json().at("/firstBrokenEvent/reason").asText()).contains("cut off the end");
                }
            } finally {
                for (Map<String, Object> row : cut) {
                    insert(root, row);
                }
                s.executeUpdate("update audit_chain_head set last_seq = " + exported.seq() + ", last_hash = '"
                        + exported.headHash() + "' where id = 1");
            }
        }
        assertThat(verify(exported.token()).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aTailRewrittenWithConsistentHashesIsReported() throws SQLException {
        trail.recordAs("tester", "test.rewrite-target", null, null, Map.of("amount", 10));
        trail.recordAs("tester", "test.rewrite-after", null, null, Map.of());
        Checkpoint exported = checkpoints.write();
        long target = jdbc.queryForObject("select max(seq) from audit_event where type = 'test.rewrite-target'", Long.class);
        List<Map<String, Object>> originals = jdbc.queryForList("select * from audit_event where seq >= ? order by seq", target);
        try (Connection root = privileged(); Statement s = root.createStatement()) {
            // the DBA changes one event and recomputes its hash and every later one's, head included: the chain holds
            s.execute("drop trigger audit_event_no_update");
            try {
                String prev = (String) originals.get(0).get("prev_hash");
                for (Map<String, Object> row : originals) {
                    long seq = ((Number) row.get("seq")).longValue();
                    String details = seq == target ? "{\"amount\":1000}" : (String) row.get("details");
                    String hash = ChainHash.of(prev, seq, occurredAt(row.get("occurred_at")),
                            (String) row.get("actor"), (String) row.get("type"), (Long) row.get("article_id"),
                            (Integer) row.get("revision_number"), details);
                    update(root, seq, details, prev, hash);
                    prev = hash;
                }
                s.executeUpdate("update audit_chain_head set last_hash = '" + prev + "' where id = 1");
                for (Api.Answer verify : List.of(verify(exported.token()), api.get("admin", "/api/admin/audit/verify"))) {
                    assertThat(verify.json().get("valid").asBoolean()).as(verify.text()).isFalse();
                    assertThat(verify.json().at("/firstBrokenEvent/seq").asLong()).isEqualTo(target);
                    assertThat(verify.json().at("/firstBrokenEvent/reason").asText()).contains("MAC does not match");
                }
            } finally {
                for (Map<String, Object> row : originals) {
                    update(root, ((Number) row.get("seq")).longValue(), (String) row.get("details"), (String) row.get("prev_hash"),
                            (String) row.get("hash"));
                }
                s.executeUpdate("update audit_chain_head set last_hash = '" + exported.headHash() + "' where id = 1");
                s.execute(NO_UPDATE);
            }
        }
        assertThat(verify(exported.token()).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void concurrentTransactionsNeverShareAPredecessor() throws Exception {
        long before = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    int n = i;
                    tx.executeWithoutResult(s -> {
                        trail.recordAs("load" + thread, "test.concurrent", null, null, Map.of("i", n, "part", 1));
                        trail.recordAs("load" + thread, "test.concurrent", null, null, Map.of("i", n, "part", 2));
                    });
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where type = 'test.concurrent'", Long.class)).isEqualTo(600);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isGreaterThanOrEqualTo(before + 600);
        // one transaction's two events stay together in the chain
        assertThat(jdbc.queryForObject("select count(*) from audit_event a join audit_event b on b.seq = a.seq + 1"
                + " where a.type = 'test.concurrent' and a.details like '%\"part\":1%' and (b.actor <> a.actor"
                + " or b.details not like '%\"part\":2%')", Long.class)).isZero();
        Api.Answer verify = api.get("admin", "/api/admin/audit/verify");
        assertThat(verify.json().get("valid").asBoolean()).as(verify.text()).isTrue();
    }

    @Test
    void theChainsHeadIsLockedOnlyAtTheCommit() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Boolean> headFree = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            trail.recordAs("tester", "test.late-head", null, null, Map.of("part", 1));
            // the transaction goes on working with its event recorded: another may append meanwhile
            headFree.add(headLockableByAnother());
            jdbc.queryForObject("select count(*) from audit_event where type = 'test.late-head'", Long.class);
            trail.recordAs("tester", "test.late-head", null, null, Map.of("part", 2));
            headFree.add(headLockableByAnother());
        });
        assertThat(headFree).containsExactly(true, true);
        List<String> parts = jdbc.queryForList("select details from audit_event where type = 'test.late-head' order by seq", String.class);
        assertThat(parts).containsExactly("{\"part\":1}", "{\"part\":2}");
        assertThat(api.get("admin", "/api/admin/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    /** Whether another connection can lock the chain's head at once (NOWAIT), then lets it go. */
    private static boolean headLockableByAnother() {
        try (Connection other = privileged()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeQuery("select last_seq from audit_chain_head where id = 1 for update nowait").close();
                return true;
            } catch (SQLException lockHeld) {
                return false;
            } finally {
                other.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            trail.recordAs("tester", "test.rolled-back", null, null, Map.of());
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where type = 'test.rolled-back'", Long.class)).isZero();
    }

    private static JsonNode event(JsonNode history, String type, int nth) {
        int seen = 0;
        for (JsonNode e : history.get("timeline")) {
            if (e.get("type").asText().equals(type) && seen++ == nth) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " #" + nth + " in " + history.get("timeline"));
    }

    private static Connection privileged() throws SQLException {
        TestDatabase.Connection db = TestDatabase.get();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    private static final String NO_UPDATE = "create trigger audit_event_no_update before update on audit_event for each row "
            + "signal sqlstate '45000' set message_text = 'audit_event is append-only: UPDATE refused'";
    private static final String NO_DELETE = "create trigger audit_event_no_delete before delete on audit_event for each row "
            + "signal sqlstate '45000' set message_text = 'audit_event is append-only: DELETE refused'";

    private static java.time.Instant occurredAt(Object column) {
        java.time.LocalDateTime time = column instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (java.time.LocalDateTime) column;
        return time.toInstant(java.time.ZoneOffset.UTC);
    }

    private Api.Answer verify(String checkpoint) {
        return api.get("admin", "/api/admin/audit/verify?checkpoint=" + checkpoint);
    }

    private static void update(Connection root, long seq, String details, String prev, String hash) throws SQLException {
        try (PreparedStatement update = root.prepareStatement("update audit_event set details = ?, prev_hash = ?, hash = ? where seq = ?")) {
            update.setString(1, details);
            update.setString(2, prev);
            update.setString(3, hash);
            update.setLong(4, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void insert(Connection root, Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>(row.keySet());
        try (PreparedStatement insert = root.prepareStatement("insert into audit_event (" + String.join(", ", columns)
                + ") values (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")) {
            for (int i = 0; i < columns.size(); i++) {
                insert.setObject(i + 1, row.get(columns.get(i)));
            }
            insert.executeUpdate();
        }
    }

    /** What someone with the database's root password could do: lift the trigger, change a row, put the trigger back. */
    private static void alter(Connection root, long seq, String details) throws SQLException {
        try (Statement s = root.createStatement()) {
            s.execute("drop trigger audit_event_no_update");
            try (PreparedStatement update = root.prepareStatement("update audit_event set details = ? where seq = ?")) {
                update.setString(1, details);
                update.setLong(2, seq);
                assertThat(update.executeUpdate()).isEqualTo(1);
            } finally {
                s.execute("create trigger audit_event_no_update before update on audit_event for each row "
                        + "signal sqlstate '45000' set message_text = 'audit_event is append-only: UPDATE refused'");
            }
        }
    }
}
