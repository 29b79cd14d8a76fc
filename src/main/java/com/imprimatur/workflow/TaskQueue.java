package com.imprimatur.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read model of open tasks (table {@code task_queue}, migration V7): what the queues show, in
 * the order they show it (due date first, so overdue work leads; then age), answered from indexes.
 * Written only by {@link TaskQueueListener} inside the engine's transaction, and by the backfill.
 */
@Repository
class TaskQueue {

    /** A due date far enough away to sort tasks without one after every real due date. */
    static final Timestamp NO_DUE_DATE = Timestamp.valueOf("9999-12-31 00:00:00");

    private static final String COLUMNS = "q.task_id, q.task_key, q.name, q.article_id, q.revision, q.title, q.report_id, q.assignee, q.created, q.due, q.due_order";
    private static final String ORDER = " order by due_order, created, task_id";

    private final NamedParameterJdbcTemplate jdbc;

    TaskQueue(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One open task as the read model holds it. */
    record Entry(String id, String key, String name, String processInstanceId, long articleId, int revision,
            String title, String candidateGroup, String assignee, Instant created, Instant due, String reportId) {
    }

    /** Which tasks a queue holds: assigned to someone, or claimable from some groups, or everything of some groups. */
    record Filter(Kind kind, String username, List<String> groups, String taskKey) {

        enum Kind { ASSIGNED, CLAIMABLE, GROUPS }
    }

    /** Inserts the task's row, or replaces it: the authors are those of the revision it decides on. */
    void put(Entry entry, Collection<String> authors) {
        MapSqlParameterSource p = params(entry);
        jdbc.update("""
                insert into task_queue (task_id, task_key, name, process_instance_id, article_id, revision, title,
                    report_id, candidate_group, assignee, created, due, due_order)
                values (:id, :key, :name, :instance, :article, :revision, :title, :report, :group, :assignee, :created, :due, :dueOrder)
                on duplicate key update task_key = :key, name = :name, title = :title, candidate_group = :group,
                    assignee = :assignee, due = :due, due_order = :dueOrder""", p);
        jdbc.update("delete from task_queue_author where task_id = :id", p);
        if (!authors.isEmpty()) {
            jdbc.batchUpdate("insert into task_queue_author (task_id, username) values (:id, :user)", authors.stream()
                    .map(author -> new MapSqlParameterSource("id", entry.id()).addValue("user", author))
                    .toArray(MapSqlParameterSource[]::new));
        }
    }

    /** The assignee, due date or name changed; returns false when the task has no row yet. */
    boolean changed(String taskId, String name, String assignee, Instant due) {
        return jdbc.update("update task_queue set name = :name, assignee = :assignee, due = :due, due_order = :dueOrder where task_id = :id",
                new MapSqlParameterSource("id", taskId).addValue("name", name).addValue("assignee", assignee)
                        .addValue("due", timestamp(due)).addValue("dueOrder", due == null ? NO_DUE_DATE : timestamp(due))) > 0;
    }

    void remove(String taskId) {
        jdbc.update("delete from task_queue where task_id = :id", new MapSqlParameterSource("id", taskId));
    }

    /** An article's open tasks, oldest first (one statement on the article's index). */
    List<Entry> ofArticle(long articleId) {
        return jdbc.query("select " + COLUMNS + " from task_queue q where q.article_id = :article order by created, task_id",
                new MapSqlParameterSource("article", articleId), TaskQueue::entry);
    }

    /** A page of the queue in display order. */
    List<Entry> page(Filter filter, int offset, int limit) {
        if (filter.kind() != Filter.Kind.ASSIGNED && filter.groups().isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource p = params(filter).addValue("offset", offset).addValue("limit", limit)
                .addValue("end", offset + limit);
        if (filter.kind() == Filter.Kind.ASSIGNED) {
            return jdbc.query("select " + COLUMNS + " from task_queue q where " + where(filter, null) + ORDER
                    + " limit :limit offset :offset", p, TaskQueue::entry);
        }
        if (filter.groups().size() == 1) {
            p.addValue("g0", filter.groups().get(0));
            return jdbc.query("select " + COLUMNS + " from task_queue q where " + where(filter, ":g0") + ORDER
                    + " limit :limit offset :offset", p, TaskQueue::entry);
        }
        // One ordered, limited index range per group, merged: each range stops after offset + limit rows.
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < filter.groups().size(); i++) {
            p.addValue("g" + i, filter.groups().get(i));
            parts.add("(select " + COLUMNS + " from task_queue q where " + where(filter, ":g" + i) + ORDER + " limit :end)");
        }
        String sql = "select * from (" + String.join(" union all ", parts) + ") u" + ORDER + " limit :limit offset :offset";
        return jdbc.query(sql, p, TaskQueue::entry);
    }

    /** How many tasks the whole queue holds. */
    long count(Filter filter) {
        if (filter.kind() != Filter.Kind.ASSIGNED && filter.groups().isEmpty()) {
            return 0;
        }
        MapSqlParameterSource p = params(filter);
        String inGroups = filter.kind() == Filter.Kind.ASSIGNED ? null : "in (:groups)";
        Long all = jdbc.queryForObject("select count(*) from task_queue q where " + where(filter, inGroups, false), p, Long.class);
        if (filter.kind() != Filter.Kind.CLAIMABLE) {
            return all == null ? 0 : all;
        }
        // the caller's own revisions are not offered: count them through the author index and take them off
        Long authored = jdbc.queryForObject("select count(*) from task_queue_author a join task_queue q on q.task_id = a.task_id"
                + " where a.username = :user and " + where(filter, inGroups, false), p, Long.class);
        return (all == null ? 0 : all) - (authored == null ? 0 : authored);
    }

    /** Open tasks assigned to each of these users. */
    Map<String, Integer> loads(Collection<String> usernames) {
        Map<String, Integer> loads = new HashMap<>();
        if (usernames.isEmpty()) {
            return loads;
        }
        jdbc.query("select assignee, count(*) n from task_queue where assignee in (:users) group by assignee",
                new MapSqlParameterSource("users", usernames), rs -> {
                    loads.put(rs.getString("assignee"), rs.getInt("n"));
                });
        return loads;
    }

    /** The authors (never offered the task: four-eyes) of each of these tasks that has any. */
    Map<String, List<String>> authors(Collection<String> taskIds) {
        Map<String, List<String>> authors = new HashMap<>();
        if (taskIds.isEmpty()) {
            return authors;
        }
        jdbc.query("select task_id, username from task_queue_author where task_id in (:ids) order by username",
                new MapSqlParameterSource("ids", taskIds), rs -> {
                    authors.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return authors;
    }

    List<String> taskIds() {
        return jdbc.queryForList("select task_id from task_queue", new MapSqlParameterSource(), String.class);
    }

    private static String where(Filter filter, String group) {
        return where(filter, group == null ? null : "= " + group, true);
    }

    private static String where(Filter filter, String groupCondition, boolean dropAuthored) {
        StringBuilder where = new StringBuilder();
        switch (filter.kind()) {
            case ASSIGNED -> where.append("q.assignee = :user");
            case CLAIMABLE -> {
                where.append("q.candidate_group ").append(groupCondition).append(" and q.assignee is null");
                if (dropAuthored) {
                    where.append(" and not exists (select 1 from task_queue_author a where a.task_id = q.task_id and a.username = :user)");
                }
            }
            case GROUPS -> where.append("q.candidate_group ").append(groupCondition);
        }
        if (filter.taskKey() != null) {
            where.append(" and q.task_key = :key");
        }
        return where.toString();
    }

    private static MapSqlParameterSource params(Filter filter) {
        return new MapSqlParameterSource("user", filter.username()).addValue("groups", filter.groups())
                .addValue("key", filter.taskKey());
    }

    private static MapSqlParameterSource params(Entry e) {
        return new MapSqlParameterSource("id", e.id()).addValue("key", e.key()).addValue("name", e.name())
                .addValue("instance", e.processInstanceId()).addValue("article", e.articleId())
                .addValue("revision", e.revision()).addValue("title", e.title()).addValue("report", e.reportId()).addValue("group", e.candidateGroup())
                .addValue("assignee", e.assignee()).addValue("created", timestamp(e.created()))
                .addValue("due", timestamp(e.due())).addValue("dueOrder", e.due() == null ? NO_DUE_DATE : timestamp(e.due()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        Timestamp due = rs.getTimestamp("due");
        return new Entry(rs.getString("task_id"), rs.getString("task_key"), rs.getString("name"), null,
                rs.getLong("article_id"), rs.getInt("revision"), rs.getString("title"), null, rs.getString("assignee"),
                rs.getTimestamp("created").toInstant(), due == null ? null : due.toInstant(), rs.getString("report_id"));
    }
}
