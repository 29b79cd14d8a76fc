package com.imprimatur.workflow;

import com.imprimatur.reports.TaskStatistics;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reports' figures of tasks. Completed tasks come from the engine's history table
 * {@code ACT_HI_TASKINST} (one row per user task: {@code TASK_DEF_KEY_}, {@code ASSIGNEE_},
 * {@code START_TIME_}, {@code END_TIME_}, {@code DURATION_} in milliseconds, {@code TASK_STATE_}
 * 'Completed' or 'Deleted'), read with plain SQL through the index {@link HistoryIndexes} keeps; this
 * class and that one are the only places that know the table. Open tasks come from the task queue
 * read model ({@code task_queue}, see {@link TaskQueue}).
 */
@Repository
class TaskStatisticsStore implements TaskStatistics {

    /** A tenth of an hour: the precision of the reports' hours. */
    private static final long BUCKET_MS = 360_000;
    private static final double MS_PER_HOUR = 3_600_000d;

    private final NamedParameterJdbcTemplate jdbc;

    TaskStatisticsStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Turnaround> turnaround(Collection<String> taskKeys, Instant from, Instant to) {
        if (taskKeys.isEmpty()) {
            return List.of();
        }
        return List.copyOf(percentiles("TASK_DEF_KEY_", "TASK_DEF_KEY_ in (:keys)",
                new MapSqlParameterSource("keys", taskKeys).addValue("from", timestamp(from)).addValue("to", timestamp(to))).values());
    }

    @Override
    public Map<String, Turnaround> turnaroundBy(String taskKey, Instant from, Instant to, Collection<String> assignees) {
        if (assignees.isEmpty()) {
            return Map.of();
        }
        return percentiles("ASSIGNEE_", "TASK_DEF_KEY_ = :key and ASSIGNEE_ in (:users)", new MapSqlParameterSource("key", taskKey)
                .addValue("users", assignees).addValue("from", timestamp(from)).addValue("to", timestamp(to)));
    }

    /**
     * Per group, the completed tasks ending in [from, to): their number, and the median and 90th
     * percentile of their durations. The database counts durations in buckets of a tenth of an hour
     * (one pass over a range of the covering index, a few thousand groups at most), and the
     * percentiles are interpolated here as PERCENTILE_CONT does, within the bucket: exact to the
     * tenth of an hour the reports show. Sorting every duration instead (MariaDB's PERCENTILE_CONT
     * window) took ten times as long at 80,000 tasks.
     */
    private Map<String, Turnaround> percentiles(String group, String where, MapSqlParameterSource params) {
        Map<String, List<long[]>> buckets = new LinkedHashMap<>();
        jdbc.query("select " + group + ", DURATION_ div " + BUCKET_MS + " b, count(*) from ACT_HI_TASKINST force index ("
                + HistoryIndexes.REPORTS + ") where " + where + " and END_TIME_ >= :from and END_TIME_ < :to"
                + " and TASK_STATE_ = 'Completed' group by 1, 2 order by 1, 2", params, rs -> {
                    buckets.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(new long[] {rs.getLong(2), rs.getLong(3)});
                });
        Map<String, Turnaround> found = new LinkedHashMap<>();
        buckets.forEach((g, counts) -> {
            long n = counts.stream().mapToLong(c -> c[1]).sum();
            found.put(g, new Turnaround(g, n, hours(percentile(counts, n, 0.5)), hours(percentile(counts, n, 0.9))));
        });
        return found;
    }

    /** The p-th percentile in hours of n durations counted in buckets (ascending), the rank p·(n−1) from 0 as PERCENTILE_CONT. */
    private static double percentile(List<long[]> counts, long n, double p) {
        double rank = p * (n - 1);
        long before = 0;
        for (long[] bucket : counts) {
            if (rank < before + bucket[1]) {
                // spread the bucket's durations evenly over its tenth of an hour
                return (bucket[0] + (rank - before + 0.5) / bucket[1]) * BUCKET_MS / MS_PER_HOUR;
            }
            before += bucket[1];
        }
        long[] last = counts.get(counts.size() - 1);
        return (last[0] + 1) * BUCKET_MS / MS_PER_HOUR;
    }

    private static double hours(double hours) {
        return Math.round(hours * 10) / 10d;
    }

    @Override
    public List<OpenCount> openByAge(Collection<String> taskKeys, Instant now, int[] bandStarts) {
        if (taskKeys.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource p = new MapSqlParameterSource("keys", taskKeys);
        String band = band("created", bandStarts, now, p);
        return jdbc.query("select task_key, " + band + " band, count(*) n from task_queue where task_key in (:keys)"
                + " group by task_key, band", p, (rs, i) -> new OpenCount(rs.getString(1), rs.getInt(2), rs.getLong(3)));
    }

    @Override
    public Map<String, Holding> holdings(String taskKey, Collection<String> assignees, Instant now) {
        Map<String, Holding> holdings = new HashMap<>();
        if (assignees.isEmpty()) {
            return holdings;
        }
        jdbc.query("select assignee, count(*) n, sum(due_order < :now) late from task_queue"
                + " where assignee in (:users) and task_key = :key group by assignee",
                new MapSqlParameterSource("users", assignees).addValue("key", taskKey).addValue("now", timestamp(now)), rs -> {
                    holdings.put(rs.getString(1), new Holding(rs.getLong(2), rs.getLong(3)));
                });
        return holdings;
    }

    @Override
    public long[] overdueByLateness(String taskKey, Instant now, int[] bandStarts) {
        MapSqlParameterSource p = new MapSqlParameterSource("key", taskKey).addValue("now", timestamp(now));
        String band = band("due_order", bandStarts, now, p);
        long[] counts = new long[bandStarts.length];
        jdbc.query("select " + band + " band, count(*) n from task_queue where task_key = :key and due_order < :now group by band",
                p, rs -> {
                    counts[rs.getInt(1)] = rs.getLong(2);
                });
        return counts;
    }

    @Override
    public List<OverdueTask> mostOverdue(String taskKey, Instant now, int limit) {
        return jdbc.query("select task_id, article_id, title, assignee, due from task_queue where task_key = :key and due_order < :now"
                + " order by due_order, created, task_id limit :limit",
                new MapSqlParameterSource("key", taskKey).addValue("now", timestamp(now)).addValue("limit", limit),
                (rs, i) -> new OverdueTask(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
    }

    /**
     * A SQL expression numbering the band a time column's age falls into: 0 for the youngest. The
     * band limits are bound as parameters (the newest first).
     */
    private static String band(String column, int[] bandStarts, Instant now, MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder("case");
        for (int i = bandStarts.length - 1; i > 0; i--) {
            p.addValue("band" + i, timestamp(now.minus(Duration.ofHours(bandStarts[i]))));
            sql.append(" when ").append(column).append(" <= :band").append(i).append(" then ").append(i);
        }
        return sql.append(" else 0 end").toString();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
