package com.imprimatur.reports;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The figures of the route's tasks that reports need: completed tasks (from the engine's history)
 * and open ones (from the task queue). A port: the workflow module, which owns the engine's tables
 * and the task queue, answers it; nothing here knows either table.
 */
public interface TaskStatistics {

    /** How long tasks of one key took, from creation to completion, in the period: count, median and 90th percentile. */
    record Turnaround(String taskKey, long completed, double medianHours, double p90Hours) {
    }

    /** Open tasks of one key whose age falls in one band (index into the bands given). */
    record OpenCount(String taskKey, int band, long count) {
    }

    /** One person's open and overdue tasks of a key. */
    record Holding(long open, long overdue) {
    }

    /** One overdue task, for the editor who may reassign it. */
    record OverdueTask(String taskId, long articleId, String title, String assignee, Instant due) {
    }

    /** Completed tasks of these keys in [from, to), per key, read from the engine's history. */
    List<Turnaround> turnaround(Collection<String> taskKeys, Instant from, Instant to);

    /** Completed tasks of a key in [from, to) per assignee, for these assignees. */
    Map<String, Turnaround> turnaroundBy(String taskKey, Instant from, Instant to, Collection<String> assignees);

    /** Open tasks per key and age band; {@code bandStarts} are the ages' lower bounds in hours, ascending, from 0. */
    List<OpenCount> openByAge(Collection<String> taskKeys, Instant now, int[] bandStarts);

    /** Open and overdue tasks of a key held by each of these people. */
    Map<String, Holding> holdings(String taskKey, Collection<String> assignees, Instant now);

    /** How many tasks of a key are overdue, per band of lateness (lower bounds in hours, ascending, from 0). */
    long[] overdueByLateness(String taskKey, Instant now, int[] bandStarts);

    /** The most overdue tasks of a key, most overdue first. */
    List<OverdueTask> mostOverdue(String taskKey, Instant now, int limit);
}
