package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read model of open tasks stays in step with the engine, and the queue API reads it. */
class TaskQueueTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService engine;

    @Autowired
    TaskQueueBackfill backfill;

    @Test
    void everyChangeToATaskReachesTheReadModelInTheSameTransaction() {
        Api api = api();
        Desk desk = new Desk(api);
        long id = desk.create("writer", Desk.article("Read model " + System.nanoTime(), 2)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
        assertInStep();
        Map<String, Object> row = jdbc.queryForMap("select * from task_queue where task_id = ?", task);
        assertThat(row).containsEntry("task_key", "medicalReview").containsEntry("candidate_group", "medical-reviewers")
                .containsEntry("article_id", id).containsEntry("revision", 1);
        assertThat(row.get("title").toString()).startsWith("Read model");
        assertThat(row.get("assignee")).isNull();
        assertThat(jdbc.queryForList("select username from task_queue_author where task_id = ?", String.class, task)).containsExactly("writer");

        desk.claim("reviewer", task);
        assertThat(jdbc.queryForObject("select assignee from task_queue where task_id = ?", String.class, task)).isEqualTo("reviewer");
        Api.Answer mine = api.get("reviewer", "/api/tasks?queue=mine&type=medicalReview");
        assertThat(mine.json().findValuesAsText("id")).contains(task);
        assertThat(mine.header("X-Total-Count")).isEqualTo(String.valueOf(mine.json().size()));
        assertThat(api.get("reviewer", "/api/tasks?queue=mine&type=revise").json().findValuesAsText("id")).doesNotContain(task);

        Task engineTask = engine.createTaskQuery().taskId(task).singleResult();
        // due long before anything other tests may have made overdue in this shared database: it leads the queue
        Date due = Date.from(java.time.Instant.parse("1990-01-01T00:00:00Z"));
        engineTask.setDueDate(due);
        engine.saveTask(engineTask);
        assertThat(api.get("reviewer", "/api/tasks?queue=mine").json().get(0).get("id").asText()).isEqualTo(task);
        assertThat(api.get("reviewer", "/api/tasks?queue=mine").json().get(0).get("overdue").asBoolean()).isTrue();

        Api.Answer done = api.post("reviewer", "/api/tasks/" + task + "/complete", Desk.decision("REQUEST_CHANGES", "More, please."));
        assertThat(done.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from task_queue where task_id = ?", Integer.class, task)).isZero();
        String revise = desk.awaitTask("writer", "mine", "revise", id);
        assertThat(jdbc.queryForMap("select assignee, candidate_group from task_queue where task_id = ?", revise))
                .containsEntry("assignee", "writer").containsEntry("candidate_group", null);
        assertInStep();
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private String assignee(String task) {
        return jdbc.queryForObject("select assignee from task_queue where task_id = ?", String.class, task);
    }

    /**
     * A claim fires "assignment" and then "update" with the same values, and the row is written once;
     * changes back and forth within one transaction must still leave the row as the engine's task.
     */
    @Test
    void changesBackAndForthInOneTransactionLeaveTheRowInStep() {
        Desk desk = new Desk(api());
        long id = desk.create("writer", Desk.article("Back and forth " + System.nanoTime(), 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
        org.springframework.transaction.support.TransactionTemplate inOne = new org.springframework.transaction.support.TransactionTemplate(transactions);
        inOne.executeWithoutResult(s -> {
            engine.claim(task, "reviewer");
            engine.setAssignee(task, null);
            engine.claim(task, "reviewer");
            assertThat(assignee(task)).isEqualTo("reviewer");
        });
        assertThat(assignee(task)).isEqualTo("reviewer");
        inOne.executeWithoutResult(s -> {
            engine.setAssignee(task, "reviewer2");
            engine.setAssignee(task, "reviewer");
            engine.setAssignee(task, null);
        });
        assertThat(assignee(task)).isNull();
        assertInStep();
    }

    @Test
    void pagesAndCountsOfTheQueues() {
        Api api = api();
        Desk desk = new Desk(api);
        for (int i = 0; i < 3; i++) {
            desk.create("writer2", Desk.article("Paging " + i + " " + System.nanoTime(), 1));
        }
        Api.Answer all = api.get("reviewer", "/api/tasks?queue=available");
        long total = Long.parseLong(all.header("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3).isEqualTo(all.json().size());
        Api.Answer first = api.get("reviewer", "/api/tasks?queue=available&size=2&page=0");
        Api.Answer second = api.get("reviewer", "/api/tasks?queue=available&size=2&page=1");
        assertThat(first.json().size()).isEqualTo(2);
        assertThat(first.header("X-Total-Count")).isEqualTo(String.valueOf(total));
        assertThat(second.json().get(0).get("id").asText()).isEqualTo(all.json().get(2).get("id").asText());
        // pages of total - 1: the first is full (its total counted), the second holds one task (its
        // total known from the page); a page past the end counts again; all three tell the same total
        long size = total - 1;
        Api.Answer full = api.get("reviewer", "/api/tasks?queue=available&size=" + size + "&page=0");
        Api.Answer shortOne = api.get("reviewer", "/api/tasks?queue=available&size=" + size + "&page=1");
        Api.Answer past = api.get("reviewer", "/api/tasks?queue=available&size=" + size + "&page=3");
        assertThat(full.json().size()).isEqualTo((int) size);
        assertThat(shortOne.json().size()).isEqualTo(1);
        assertThat(past.json()).isEmpty();
        assertThat(List.of(full, shortOne, past)).extracting(a -> a.header("X-Total-Count")).containsOnly(String.valueOf(total));
        assertThat(api.get("reviewer", "/api/tasks?queue=available&size=50&page=" + Integer.MAX_VALUE).status()).isEqualTo(400);
        assertThat(all.json().get(0).has("articleTitle")).isTrue();
        // a writer is in no candidate group of the route: nothing to claim, and never their own revision's review
        assertThat(api.get("writer2", "/api/tasks?queue=available").header("X-Total-Count")).isEqualTo("0");
        assertThat(api.get("reviewer", "/api/tasks?queue=available&size=0").status()).isEqualTo(400);
        assertThat(api.get("editor", "/api/tasks?queue=team").json().findValuesAsText("key")).contains("medicalReview");
        assertThat(api.get("reviewer", "/api/tasks?queue=team").json()).isEmpty();
    }

    @Test
    void theBackfillRestoresAMissingRowAndDropsAStaleOne() {
        Desk desk = new Desk(api());
        long id = desk.create("writer", Desk.article("Backfill " + System.nanoTime(), 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
        jdbc.update("delete from task_queue where task_id = ?", task);
        backfill.levelWithEngine();
        assertInStep();
        assertThat(jdbc.queryForList("select username from task_queue_author where task_id = ?", String.class, task)).containsExactly("writer");
        jdbc.update("insert into task_queue (task_id, task_key, name, process_instance_id, article_id, revision, title, created, due_order)"
                + " values ('gone', 'medicalReview', 'Medical review', 'none', ?, 1, 'x', now(), now())", id);
        backfill.levelWithEngine();
        assertInStep();
    }

    /** The same open tasks, with the same assignees, in the engine and in the read model (one statement, one snapshot). */
    private void assertInStep() {
        Integer differences = jdbc.queryForObject("""
                select (select count(*) from ACT_RU_TASK t left join task_queue q on q.task_id = t.ID_
                        where q.task_id is null or not (t.ASSIGNEE_ <=> q.assignee))
                     + (select count(*) from task_queue q left join ACT_RU_TASK t on t.ID_ = q.task_id where t.ID_ is null)""",
                Integer.class);
        assertThat(differences).isZero();
        assertThat(jdbc.queryForObject("select count(*) from task_queue", Integer.class)).isPositive();
    }
}
