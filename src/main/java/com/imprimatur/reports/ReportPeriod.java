package com.imprimatur.reports;

import com.imprimatur.problem.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, in UTC: from the start of {@code from} to the end of {@code to}, both
 * ISO dates. Without them: the last 90 days up to today. At most 366 days, so a report reads a
 * bounded range of its indexes (ask year by year for more).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 366;

    public static ReportPeriod of(String from, String to, LocalDate today) {
        LocalDate end = blank(to) ? today : date("to", to);
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end)) {
            throw Problem.invalid("report-period", "The period starts (" + start + ") after it ends (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw Problem.invalid("report-period", "A report covers at most " + MAX_DAYS + " days; ask for one year at a time.");
        }
        return new ReportPeriod(start, end);
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Problem(org.springframework.http.HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "'" + name + "' is a date such as 2026-01-31.");
        }
    }
}
