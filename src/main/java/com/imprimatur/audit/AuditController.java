package com.imprimatur.audit;

import com.imprimatur.identity.UserName;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.problem.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit trail for admins (the whole of /api/admin/** needs ADMIN: SecurityConfig). */
@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

    private final AuditLog log;
    private final ObjectMapper json;

    AuditController(AuditLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    @GetMapping
    AuditLog.Page list(@RequestParam(required = false) Long article, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > AuditLog.MAX_PAGE_SIZE) {
            throw malformed("page is 0 or more; size is 1 to " + AuditLog.MAX_PAGE_SIZE + ".");
        }
        return log.page(query(article, actor, from, to), page, size);
    }

    /**
     * The chain verified against a checkpoint: one exported earlier ({@code checkpoint}, as
     * {@code /checkpoints} lists it), else the latest stored in the database.
     */
    @GetMapping("/verify")
    AuditLog.Verification verify(@RequestParam(required = false) String checkpoint) {
        if (checkpoint == null || checkpoint.isBlank()) {
            return log.verify();
        }
        try {
            return log.verify(Checkpoint.parse(checkpoint));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    /** The latest signed checkpoints, newest first, each with the token to keep outside the database. */
    @GetMapping("/checkpoints")
    List<Checkpoint> checkpoints(@RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > AuditLog.MAX_PAGE_SIZE) {
            throw malformed("size is 1 to " + AuditLog.MAX_PAGE_SIZE + ".");
        }
        return log.checkpoints(size);
    }

    /** Every event of the period (and article, actor) as CSV or a JSON array, oldest first. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Long article,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format) {
        AuditQuery query = query(article, actor, from, to);
        return AuditExport.response("audit-events", format, log, query, json);
    }

    static Problem malformed(String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    }

    static AuditQuery query(Long article, String actor, String from, String to) {
        return new AuditQuery(article, actor == null || actor.isBlank() ? null : UserName.canonical(actor), instant("from", from, false), instant("to", to, true));
    }

    /** An ISO instant, or a date: from its start (from) or through its end (to), UTC. */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed(name + " is a date (2026-11-30) or an instant (2026-11-30T12:00:00Z).");
        }
    }
}
