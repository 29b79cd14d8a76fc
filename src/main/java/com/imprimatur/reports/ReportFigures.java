package com.imprimatur.reports;

import com.imprimatur.route.Decision;
import com.imprimatur.route.TaskKind;
import com.imprimatur.staff.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures of the {@code /reports} page, each a table and the bars drawn from it, for one period. */
@Service
@Transactional(readOnly = true)
public class ReportFigures {

    /** The figures, by the id their CSV download names, in page order. */
    public static final List<String> IDS = List.of("turnaround", "published", "open-work", "overdue", "workload",
            "feedback-reasons", "feedback-outcomes", "plagiarism", "rereview");

    private static final int[] AGE_BANDS = {0, 24, 72, 168, 336};
    private static final List<String> AGE_LABELS = List.of("under 1 day", "1–3 days", "3–7 days", "1–2 weeks", "over 2 weeks");
    private static final int[] LATENESS_BANDS = {0, 48, 168, 336};
    private static final List<String> LATENESS_LABELS = List.of("up to 2 days late", "2–7 days late", "1–2 weeks late", "over 2 weeks late");
    private static final int REREVIEW_WEEKS = 5;

    private final Reports reports;
    private final TaskStatistics tasks;
    private final ReportQueries queries;

    ReportFigures(Reports reports, TaskStatistics tasks, ReportQueries queries) {
        this.reports = reports;
        this.tasks = tasks;
        this.queries = queries;
    }

    /** Every figure of the page. */
    public List<Figure> all(StaffMember caller, ReportPeriod period) {
        return IDS.stream().map(id -> figure(caller, period, id)).toList();
    }

    /** One figure; an unknown id is a 404. */
    public Figure figure(StaffMember caller, ReportPeriod period, String id) {
        reports.requireOversight(caller);
        return switch (id) {
            case "turnaround" -> turnaround(caller, period);
            case "published" -> published(period);
            case "open-work" -> openWork();
            case "overdue" -> overdue();
            case "workload" -> workload(caller);
            case "feedback-reasons" -> feedback(caller, period, true);
            case "feedback-outcomes" -> feedback(caller, period, false);
            case "plagiarism" -> plagiarism(period);
            case "rereview" -> rereview();
            default -> throw com.imprimatur.problem.Problem.notFound("Report " + id);
        };
    }

    private Figure turnaround(StaffMember caller, ReportPeriod period) {
        List<List<String>> rows = new ArrayList<>();
        List<Figure.Bar> bars = new ArrayList<>();
        for (Reports.Step step : reports.turnaround(caller, period).steps()) {
            String name = Reports.STEPS.get(step.task());
            rows.add(List.of(name, count(step.completed()), hours(step.medianHours()), hours(step.p90Hours())));
            bars.add(new Figure.Bar(name + ", median", List.of(value(step.medianHours()), 0d)));
            bars.add(new Figure.Bar(name + ", 90th percentile", List.of(0d, value(step.p90Hours()))));
        }
        return new Figure("turnaround", "Turnaround per step", "Hours from a task's creation to its completion, for tasks "
                + "completed " + during(period) + ".", List.of("Step", "Completed", "Median hours", "90th percentile hours"), rows,
                List.of("median", "90th percentile"), bars, "hours");
    }

    private Figure published(ReportPeriod period) {
        Map<LocalDate, Long> found = queries.publishedPerWeek(period.start(), period.end());
        List<List<String>> rows = new ArrayList<>();
        List<Figure.Bar> bars = new ArrayList<>();
        LocalDate week = period.from().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        for (; !week.isAfter(period.to()); week = week.plusWeeks(1)) {
            long n = found.getOrDefault(week, 0L);
            rows.add(List.of(week.toString(), count(n)));
            bars.add(new Figure.Bar("week of " + week, List.of((double) n)));
        }
        return new Figure("published", "Revisions published per week", "Publications (first ones and updates) per week "
                + "starting on Monday, " + during(period) + ".", List.of("Week of", "Published"), rows, List.of("published"), bars,
                "revisions");
    }

    private Figure openWork() {
        Map<String, long[]> byStep = new LinkedHashMap<>();
        Reports.STEPS.keySet().forEach(k -> byStep.put(k, new long[AGE_BANDS.length]));
        tasks.openByAge(Reports.STEPS.keySet(), reports.now(), AGE_BANDS).forEach(c -> byStep.get(c.taskKey())[c.band()] += c.count());
        List<String> columns = new ArrayList<>(List.of("Step"));
        columns.addAll(AGE_LABELS);
        columns.add("Total");
        List<List<String>> rows = new ArrayList<>();
        List<Figure.Bar> bars = new ArrayList<>();
        byStep.forEach((key, counts) -> {
            List<String> row = new ArrayList<>(List.of(Reports.STEPS.get(key)));
            List<Double> values = new ArrayList<>();
            long total = 0;
            for (long n : counts) {
                row.add(count(n));
                values.add((double) n);
                total += n;
            }
            row.add(count(total));
            rows.add(row);
            bars.add(new Figure.Bar(Reports.STEPS.get(key), values));
        });
        return new Figure("open-work", "Open work by step and age", "Open tasks now, per step, by how long ago they were created.",
                columns, rows, AGE_LABELS, bars, "tasks");
    }

    private Figure overdue() {
        long[] late = tasks.overdueByLateness(TaskKind.MEDICAL_REVIEW.key(), reports.now(), LATENESS_BANDS);
        List<List<String>> rows = new ArrayList<>();
        List<Figure.Bar> bars = new ArrayList<>();
        for (int i = 0; i < late.length; i++) {
            rows.add(List.of(LATENESS_LABELS.get(i), count(late[i])));
            bars.add(new Figure.Bar(LATENESS_LABELS.get(i), List.of((double) late[i])));
        }
        return new Figure("overdue", "Overdue medical reviews", "Open medical reviews past their due date now, by how late they are.",
                List.of("How late", "Reviews"), rows, List.of("overdue reviews"), bars, "reviews");
    }

    /** The most overdue reviews, for the editor who may reassign them. */
    public List<TaskStatistics.OverdueTask> mostOverdue(StaffMember caller, int limit) {
        reports.requireOversight(caller);
        return tasks.mostOverdue(TaskKind.MEDICAL_REVIEW.key(), reports.now(), limit);
    }

    private Figure workload(StaffMember caller) {
        List<List<String>> rows = new ArrayList<>();
        List<Figure.Bar> bars = new ArrayList<>();
        for (Reports.Reviewer r : reports.workload(caller).reviewers()) {
            rows.add(List.of(r.displayName(), r.specialty() == null ? "" : r.specialty(), count(r.open()), count(r.overdue()),
                    count(r.completed30d()), hours(r.medianHours())));
            bars.add(new Figure.Bar(r.displayName(), List.of((double) (r.open() - r.overdue()), (double) r.overdue())));
        }
        return new Figure("workload", "Physicians' workload", "Medical reviews each physician holds now (overdue ones apart), "
                + "reviews they completed in the last " + Reports.WORKLOAD_DAYS + " days and their median hours.",
                List.of("Physician", "Specialty", "Open", "Overdue", "Completed (30 days)", "Median hours (30 days)"), rows,
                List.of("open, not overdue", "overdue"), bars, "reviews");
    }

    private Figure feedback(StaffMember caller, ReportPeriod period, boolean byReason) {
        Reports.FeedbackReport report = reports.feedback(caller, period);
        Map<String, Long> counts = byReason ? report.byReason() : report.byOutcome();
        List<List<String>> rows = new ArrayList<>();
        List<Figure.Bar> bars = new ArrayList<>();
        counts.forEach((name, n) -> {
            String label = words(name);
            rows.add(List.of(label, count(n)));
            bars.add(new Figure.Bar(label, List.of((double) n)));
        });
        return byReason
                ? new Figure("feedback-reasons", "Reader reports by reason", "Reports readers sent " + during(period) + ", by the reason they gave.",
                        List.of("Reason", "Reports"), rows, List.of("reports"), bars, "reports")
                : new Figure("feedback-outcomes", "Reader reports by outcome", "What became of the reports readers sent " + during(period)
                        + ": still waiting for triage, review reopened, or dismissed.", List.of("Outcome", "Reports"), rows,
                        List.of("reports"), bars, "reports");
    }

    private Figure plagiarism(ReportPeriod period) {
        Map<String, Long> found = queries.decisions(TaskKind.RESOLVE_PLAGIARISM.key(), period.start(), period.end());
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put(Decision.DISMISS.name(), "Dismissed (with a justification)");
        outcomes.put(Decision.RETURN_TO_WRITER.name(), "Returned to the writer");
        List<List<String>> rows = new ArrayList<>();
        List<Figure.Bar> bars = new ArrayList<>();
        outcomes.forEach((decision, label) -> {
            long n = found.getOrDefault(decision, 0L);
            rows.add(List.of(label, count(n)));
            bars.add(new Figure.Bar(label, List.of((double) n)));
        });
        return new Figure("plagiarism", "Plagiarism findings resolved", "Flagged revisions editors resolved " + during(period)
                + ", by their decision.", List.of("Decision", "Findings"), rows, List.of("findings"), bars, "findings");
    }

    private Figure rereview() {
        Instant now = reports.now();
        Map<Integer, Long> weeks = queries.lastReviewedPerWeek(reports.dueIfReviewedBefore(now),
                reports.dueIfReviewedBefore(now.plus(Duration.ofDays(30))));
        List<List<String>> rows = new ArrayList<>();
        List<Figure.Bar> bars = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int week = 0; week <= REREVIEW_WEEKS; week++) {
            String label = week == 0 ? "already due" : "due " + today.plusWeeks(week - 1) + " to "
                    + (week == REREVIEW_WEEKS ? today.plusDays(30) : today.plusWeeks(week).minusDays(1));
            long n = weeks.getOrDefault(week, 0L);
            rows.add(List.of(label, count(n)));
            bars.add(new Figure.Bar(label, List.of((double) n)));
        }
        return new Figure("rereview", "Due for re-review in the next 30 days", "Published articles whose last review is so long ago "
                + "that they are due for another one within 30 days, per week (already due: the daily sweep reopens them).",
                List.of("When", "Articles"), rows, List.of("articles"), bars, "articles");
    }

    private static String during(ReportPeriod period) {
        return "from " + period.from() + " to " + period.to();
    }

    private static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static String hours(Double h) {
        return h == null ? "" : String.format(Locale.ROOT, "%.1f", h);
    }

    private static double value(Double h) {
        return h == null ? 0 : h;
    }
}
