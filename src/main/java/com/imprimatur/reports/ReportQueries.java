package com.imprimatur.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reports' reads of the application's own tables, each a range of one index of migration V13.
 * Times in these tables are written in UTC (Hibernate's jdbc.time_zone, and the audit trail).
 */
@Repository
class ReportQueries {

    private final NamedParameterJdbcTemplate jdbc;

    ReportQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reader reports received in [from, to): count per reason and state ("REASON/STATE"). */
    Map<String, Long> feedback(Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select reason, state, count(*) from feedback_report where created_at >= :from and created_at < :to"
                + " group by reason, state", period(from, to), rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                });
        return counts;
    }

    /** Decisions taken on tasks of a key in [from, to), per decision. */
    Map<String, Long> decisions(String taskKey, Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select decision, count(*) from decision where task_key = :key and decided_at >= :from and decided_at < :to"
                + " group by decision", period(from, to).addValue("key", taskKey), rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Revisions published in [from, to) per week (weeks start on Monday), from the audit trail. */
    Map<LocalDate, Long> publishedPerWeek(Instant from, Instant to) {
        Map<LocalDate, Long> weeks = new TreeMap<>();
        jdbc.query("select date(occurred_at) - interval weekday(occurred_at) day wk, count(*) from audit_event"
                + " where type = 'revision.published' and occurred_at >= :from and occurred_at < :to group by wk",
                period(from, to), rs -> {
                    weeks.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        return weeks;
    }

    /**
     * Published articles whose last review is before {@code reviewedBefore}, counted per week
     * (0: reviewed before {@code firstWeekEnds}, 1: the week after, …) .
     */
    Map<Integer, Long> lastReviewedPerWeek(Instant firstWeekEnds, Instant reviewedBefore) {
        Map<Integer, Long> weeks = new TreeMap<>();
        jdbc.query("select greatest(0, floor(timestampdiff(second, :firstWeekEnds, last_reviewed_at) / 604800) + 1) wk, count(*)"
                + " from article where status = 'PUBLISHED' and last_reviewed_at < :before group by wk",
                new MapSqlParameterSource("firstWeekEnds", utc(firstWeekEnds)).addValue("before", utc(reviewedBefore)), rs -> {
                    weeks.put(rs.getInt(1), rs.getLong(2));
                });
        return weeks;
    }

    private static MapSqlParameterSource period(Instant from, Instant to) {
        return new MapSqlParameterSource("from", utc(from)).addValue("to", utc(to));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
