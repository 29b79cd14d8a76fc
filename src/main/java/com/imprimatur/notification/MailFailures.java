package com.imprimatur.notification;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Mail that could not be delivered for good, for the admins' desk: to whom, what, and the server's last answer. */
@Service
public class MailFailures {

    private final JdbcTemplate jdbc;

    MailFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Failure(long id, String address, String subject, int attempts, Instant createdAt, String lastError) {
    }

    /** The newest twenty failures. */
    public List<Failure> recent() {
        return jdbc.query("""
                select id, address, subject, attempts, created_at, last_error from mail_outbox
                where state = 'FAILED' order by id desc limit 20""", (rs, n) -> new Failure(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(6)));
    }

    /** Mails waiting to be sent (a number that keeps growing means the mail server is unreachable). */
    public int waiting() {
        Integer n = jdbc.queryForObject("select count(*) from mail_outbox where state = 'PENDING'", Integer.class);
        return n == null ? 0 : n;
    }
}
