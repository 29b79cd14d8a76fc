package com.imprimatur.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imprimatur.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Migration 10.1 on a trail written before V10: every event gets the MAC of its hash, and keeps its append-only triggers. */
class AuditMacsMigrationTest {

    @Test
    void eventsWrittenBeforeTheKeyGetTheirMacs() {
        TestDatabase.Connection db = TestDatabase.get();
        String name = System.getenv().getOrDefault("IMPRIMATUR_TEST_DB_NAME", "imprimatur_test") + "_macs";
        DriverManagerDataSource source = new DriverManagerDataSource(db.freshSibling(name), db.username(), db.password());
        JdbcTemplate jdbc = new JdbcTemplate(source);
        AuditKey key = new AuditKey("key-of-the-migration-test-0123456789");
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target("9").load().migrate();
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        String hash = ChainHash.of(ChainHash.GENESIS, 1, at, "writer", "article.created", 7L, null, "{}");
        jdbc.update("insert into audit_event (seq, occurred_at, actor, type, article_id, revision_number, details, prev_hash, hash)"
                + " values (1, ?, 'writer', 'article.created', 7, null, '{}', ?, ?)", LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                ChainHash.GENESIS, hash);

        Flyway.configure().dataSource(source).locations("classpath:db/migration").javaMigrations(new AuditMacs(key)).load().migrate();

        assertThat(jdbc.queryForObject("select mac from audit_event where seq = 1", String.class)).isEqualTo(key.ofEvent(hash));
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'mallory'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("insert into audit_event (seq, occurred_at, actor, type, details, prev_hash, hash)"
                + " values (2, now(), 'x', 'y', '{}', ?, ?)", hash, hash)).hasMessageContaining("mac");
        jdbc.execute("drop database " + name);
    }
}
