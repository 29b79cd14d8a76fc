package com.imprimatur.reports;

import com.imprimatur.route.TaskKind;
import com.imprimatur.feedback.ReportReason;
import com.imprimatur.feedback.ReportState;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managing editor's figures: how long each step takes, who holds how much, what came in from
 * readers and what became of it. For editors and admins only. The page's figures are in
 * {@link ReportFigures}; these are the API's.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    /** The route's user tasks, in route order, as the reports name them. */
    public static final Map<String, String> STEPS = TaskKind.titles();

    static final int WORKLOAD_DAYS = 30;

    private final TaskStatistics tasks;
    private final ReportQueries queries;
    private final Staff staff;
    private final Clock clock;
    private final String reReviewAfter;

    Reports(TaskStatistics tasks, ReportQueries queries, Staff staff, @Value("${imprimatur.rereview.after}") String reReviewAfter) {
        this.tasks = tasks;
        this.queries = queries;
        this.staff = staff;
        this.clock = Clock.systemUTC();
        this.reReviewAfter = reReviewAfter;
    }

    public record Step(String task, long completed, Double medianHours, Double p90Hours) {
    }

    public record TurnaroundReport(LocalDate from, LocalDate to, List<Step> steps) {
    }

    public record Reviewer(String username, String displayName, String specialty, long open, long overdue, long completed30d,
            Double medianHours) {
    }

    public record WorkloadReport(List<Reviewer> reviewers) {
    }

    public record FeedbackReport(LocalDate from, LocalDate to, long total, Map<String, Long> byReason, Map<String, Long> byOutcome) {
    }

    /** Editors and admins read the reports; anyone else is told so (403). */
    public void requireOversight(StaffMember caller) {
        if (!caller.has(Role.EDITOR) && !caller.has(Role.ADMIN)) {
            throw Problem.forbidden("not-an-editor", "Only editors and admins read the reports.");
        }
    }

    public ReportPeriod period(String from, String to) {
        return ReportPeriod.of(from, to, LocalDate.now(clock));
    }

    /** Per step: tasks completed in the period, and the median and 90th percentile of the hours from creation to completion. */
    public TurnaroundReport turnaround(StaffMember caller, ReportPeriod period) {
        requireOversight(caller);
        Map<String, TaskStatistics.Turnaround> found = new LinkedHashMap<>();
        tasks.turnaround(STEPS.keySet(), period.start(), period.end()).forEach(t -> found.put(t.taskKey(), t));
        List<Step> steps = STEPS.keySet().stream().map(key -> {
            TaskStatistics.Turnaround t = found.get(key);
            return t == null ? new Step(key, 0, null, null) : new Step(key, t.completed(), t.medianHours(), t.p90Hours());
        }).toList();
        return new TurnaroundReport(period.from(), period.to(), steps);
    }

    /** Every enabled physician: medical reviews held, overdue, completed in the last 30 days, and their median hours. */
    public WorkloadReport workload(StaffMember caller) {
        requireOversight(caller);
        Instant now = clock.instant();
        List<StaffProfile> physicians = staff.withRole(Role.MEDICAL_REVIEWER).stream().filter(StaffProfile::enabled)
                .sorted(Comparator.comparing(StaffProfile::displayName)).toList();
        List<String> names = physicians.stream().map(StaffProfile::username).toList();
        Map<String, TaskStatistics.Holding> held = tasks.holdings(TaskKind.MEDICAL_REVIEW.key(), names, now);
        Map<String, TaskStatistics.Turnaround> done = tasks.turnaroundBy(TaskKind.MEDICAL_REVIEW.key(),
                now.minus(Duration.ofDays(WORKLOAD_DAYS)), now, names);
        return new WorkloadReport(physicians.stream().map(p -> {
            TaskStatistics.Holding h = held.getOrDefault(p.username(), new TaskStatistics.Holding(0, 0));
            TaskStatistics.Turnaround t = done.get(p.username());
            return new Reviewer(p.username(), p.displayName(), p.specialty(), h.open(), h.overdue(), t == null ? 0 : t.completed(),
                    t == null ? null : t.medianHours());
        }).toList());
    }

    /** Reader reports received in the period, by reason and by outcome (RECEIVED: not triaged yet). */
    public FeedbackReport feedback(StaffMember caller, ReportPeriod period) {
        requireOversight(caller);
        Map<String, Long> byReason = new LinkedHashMap<>();
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (ReportReason reason : ReportReason.values()) {
            byReason.put(reason.name(), 0L);
        }
        for (ReportState state : ReportState.values()) {
            byOutcome.put(state.name(), 0L);
        }
        long total = 0;
        for (Map.Entry<String, Long> e : queries.feedback(period.start(), period.end()).entrySet()) {
            String[] parts = e.getKey().split("/", 2);
            byReason.merge(parts[0], e.getValue(), Long::sum);
            byOutcome.merge(parts[1], e.getValue(), Long::sum);
            total += e.getValue();
        }
        return new FeedbackReport(period.from(), period.to(), total, byReason, byOutcome);
    }

    Instant now() {
        return clock.instant();
    }

    /** Articles last reviewed before the returned instant are due for re-review (imprimatur.rereview.after). */
    Instant dueIfReviewedBefore(Instant when) {
        if (reReviewAfter.startsWith("PT")) {
            return when.minus(Duration.parse(reReviewAfter));
        }
        return when.atOffset(ZoneOffset.UTC).minus(Period.parse(reReviewAfter)).toInstant();
    }
}
