package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.TestDatabase;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The V9 migration on a database written before it: every stored spelling of a user becomes the
 * user's own, the engine's running tasks and variables too, and afterwards only the canonical
 * spelling matches. Runs Flyway alone on a sibling database of the test database.
 */
class CanonicalUserNamesMigrationTest {

    @Test
    void storedSpellingsBecomeCanonicalAndOnlyTheCanonicalNameMatchesAfterwards() {
        TestDatabase.Connection db = TestDatabase.get();
        DriverManagerDataSource source = new DriverManagerDataSource(db.freshSibling("imprimatur_v9_test"), db.username(), db.password());
        JdbcTemplate jdbc = new JdbcTemplate(source);
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target("8").load().migrate();

        jdbc.update("insert into app_user (username, password_hash, display_name, created_at) values ('writer', 'x', 'W', now())");
        jdbc.update("insert into app_user (username, password_hash, display_name, created_at) values ('reviewer', 'x', 'R', now())");
        jdbc.update("insert into app_user_role (username, role) values ('writer', 'WRITER')");
        // what a login as "WRITER" or "Revïewer" used to leave behind
        jdbc.update("insert into article (slug, created_by, created_at, status, current_revision, reviewed_by) "
                + "values ('a', 'WRITER', now(), 'IN_REVIEW', 1, 'Revïewer')");
        jdbc.update("insert into task_queue (task_id, task_key, name, process_instance_id, article_id, revision, title, "
                + "assignee, created, due_order) values ('t1', 'revise', 'Revise', 'p1', 1, 1, 't', 'Writer', now(6), now(6))");
        jdbc.update("insert into login_throttle (username, failures, window_start) values ('WRITER', 2, now())");
        // the engine's tables, as far as the migration reads them
        jdbc.execute("create table ACT_RU_TASK (ID_ varchar(64) primary key, ASSIGNEE_ varchar(255), OWNER_ varchar(255))");
        jdbc.execute("create table ACT_RU_IDENTITYLINK (ID_ varchar(64) primary key, USER_ID_ varchar(255))");
        jdbc.execute("create table ACT_RU_VARIABLE (ID_ varchar(64) primary key, NAME_ varchar(255), TYPE_ varchar(255), TEXT_ varchar(4000))");
        jdbc.update("insert into ACT_RU_TASK values ('t1', 'WRITER', null)");
        jdbc.update("insert into ACT_RU_IDENTITYLINK values ('l1', 'ＷＲＩＴＥＲ')");
        jdbc.update("insert into ACT_RU_VARIABLE values ('v1', 'writer', 'string', 'Writer'), ('v2', 'authors', 'string', 'WRITER,reviewer '),"
                + " ('v3', 'title', 'string', 'WRITER')");

        Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForObject("select created_by from article", String.class)).isEqualTo("writer");
        assertThat(jdbc.queryForObject("select reviewed_by from article", String.class)).isEqualTo("reviewer");
        assertThat(jdbc.queryForObject("select assignee from task_queue", String.class)).isEqualTo("writer");
        assertThat(jdbc.queryForObject("select username from login_throttle", String.class)).isEqualTo("writer");
        assertThat(jdbc.queryForObject("select ASSIGNEE_ from ACT_RU_TASK", String.class)).isEqualTo("writer");
        assertThat(jdbc.queryForObject("select USER_ID_ from ACT_RU_IDENTITYLINK", String.class)).isEqualTo("writer");
        assertThat(jdbc.queryForList("select TEXT_ from ACT_RU_VARIABLE order by ID_", String.class))
                .isEqualTo(List.of("writer", "writer,reviewer", "WRITER")); // other variables are not names
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'WRITER'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'writer'", Integer.class)).isOne();
        // the foreign keys are back: a name that is not a user cannot be written
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update article set created_by = 'WRITER'"))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
