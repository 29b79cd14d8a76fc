package com.imprimatur.web.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times as the pages write them (UTC, to the minute) and ages in words; used from templates as {@code @when}. */
@Component("when")
class When {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String at(Instant instant) {
        return instant == null ? "—" : AT.format(instant);
    }

    /** Machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** How long ago: "12 min", "5 h", "3 d". */
    public String age(Instant since) {
        return since == null ? "—" : span(Duration.between(since, Instant.now()));
    }

    /** "in 4 d" or "2 d overdue". */
    public String due(Instant due) {
        if (due == null) {
            return "no due date";
        }
        Duration left = Duration.between(Instant.now(), due);
        return left.isNegative() ? span(left.negated()) + " overdue" : "in " + span(left);
    }

    private static String span(Duration d) {
        if (d.toDays() >= 1) {
            return d.toDays() + " d";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h";
        }
        return Math.max(0, d.toMinutes()) + " min";
    }
}
