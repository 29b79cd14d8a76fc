package com.imprimatur.notification;

import com.imprimatur.staff.Role;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of notifications: called inside the transaction of the change, it writes what each
 * person is told (the in-app list) and, for those who want it at once and have an address, the mail
 * to send, with one insert … select per event: the people, their settings and their addresses are
 * read by the database, not loaded. The event key makes an event reach each person once (the
 * unique key of {@code notification}; a repeat is ignored), and a mail is queued only with its
 * notification. {@link MailDelivery} sends after commit; {@link Digests} gathers the rest daily.
 *
 * <p>Without {@code spring.mail.host} nothing is queued for mail: every notification is in-app only.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Notifications {

    private static final String CHOSEN = "coalesce((select s.mode from notification_setting s where s.username = u.username "
            + "and s.kind = :kind), :fallback)";
    private static final String TELL = """
            insert ignore into notification (recipient, kind, event_key, subject, body, link, delivery, created_at)
            select u.username, :kind, :event, :subject, :body, :link,
                   case when :mail and u.email is not null and %1$s = 'IMMEDIATE' then 'MAIL'
                        when :mail and u.email is not null and %1$s = 'DIGEST' then 'DIGEST' else 'APP' end, :now
            from app_user u where u.enabled and %1$s <> 'OFF' and %2$s""";
    private static final String PEOPLE = "u.username in (:people)";
    private static final String ROLE = "u.username in (select r.username from app_user_role r where r.role = :role) "
            + "and u.username not in (:except)";
    private static final String QUEUE_MAIL = """
            insert ignore into mail_outbox (message_key, address, recipient, kind, subject, body, link, state, created_at, next_attempt_at)
            select concat('notification:', n.id), u.email, n.recipient, n.kind, n.subject, n.body, n.link, 'PENDING', :now, :now
            from notification n join app_user u on u.username = n.recipient
            where n.event_key = :event and n.delivery = 'MAIL'""";
    private static final String QUEUE_READER_MAIL = """
            insert ignore into mail_outbox (message_key, address, recipient, kind, subject, body, link, state, created_at, next_attempt_at)
            values (:key, :address, null, 'READER', :subject, :body, :link, 'PENDING', :now, :now)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean mail;

    Notifications(NamedParameterJdbcTemplate jdbc, @Value("${spring.mail.host:}") String mailHost) {
        this.jdbc = jdbc;
        this.mail = !mailHost.isBlank();
    }

    /** What one event says: a line for the list and the subject, a few sentences, and the page it is about (a path). */
    public record Message(String subject, String body, String link) {
    }

    /** Tells these people (those who have not turned the kind off) about one event, named by {@code event}. */
    public void tell(Kind kind, String event, Collection<String> people, Message message) {
        List<String> named = people.stream().filter(p -> p != null && !p.isBlank()).distinct().toList();
        if (named.isEmpty()) {
            return;
        }
        MapSqlParameterSource row = row(kind, event, message).addValue("people", named);
        jdbc.update(TELL.formatted(CHOSEN, PEOPLE), row);
        jdbc.update(QUEUE_MAIL, row);
    }

    /** Tells everyone who holds {@code role}, except these people (the revision's authors, say). */
    public void tellRole(Kind kind, String event, Role role, Collection<String> except, Message message) {
        MapSqlParameterSource row = row(kind, event, message).addValue("role", role.name())
                .addValue("except", except.isEmpty() ? List.of("") : List.copyOf(except));
        jdbc.update(TELL.formatted(CHOSEN, ROLE), row);
        jdbc.update(QUEUE_MAIL, row);
    }

    /**
     * Readers' reports stored by one group commit: the editors are told of each (one insert … select
     * per report, in the group's transaction), and each reader who left an address gets an acknowledgement.
     */
    public void reportsReceived(List<ReceivedReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        Map<Long, String> slugs = new HashMap<>();
        if (mail && reports.stream().anyMatch(r -> r.email() != null)) {
            jdbc.query("select id, slug from article where id in (:ids)",
                    new MapSqlParameterSource("ids", reports.stream().map(ReceivedReport::articleId).distinct().toList()),
                    rs -> {
                        slugs.put(rs.getLong(1), rs.getString(2));
                    });
        }
        List<SqlParameterSource> editors = new ArrayList<>();
        List<SqlParameterSource> readers = new ArrayList<>();
        for (ReceivedReport report : reports) {
            Message message = new Message("A reader reported article " + report.articleId() + ": " + words(report.reason()),
                    "A reader reported revision " + report.revision() + " of article " + report.articleId() + " as "
                            + words(report.reason()) + ". The report waits for triage in the editors' queue.",
                    "/articles/" + report.articleId());
            editors.add(row(Kind.REPORT_RECEIVED, "report:" + report.reportId(), message).addValue("role", Role.EDITOR.name())
                    .addValue("except", List.of("")));
            if (mail && report.email() != null && slugs.containsKey(report.articleId())) {
                readers.add(readerRow("report:" + report.reportId() + ":received", report.email(), new Message(
                        "We received your report",
                        "Thank you for telling us about a possible problem with this article. Our editors read every "
                                + "report; we will write to you again once they have decided what to do.",
                        "/public/articles/" + slugs.get(report.articleId()))));
            }
        }
        // one statement each, not a JDBC batch: the driver's bulk protocol cannot carry insert … select
        for (SqlParameterSource report : editors) {
            jdbc.update(TELL.formatted(CHOSEN, ROLE), report);
            jdbc.update(QUEUE_MAIL, report);
        }
        if (!readers.isEmpty()) {
            jdbc.batchUpdate(QUEUE_READER_MAIL, readers.toArray(SqlParameterSource[]::new));
        }
    }

    /** One stored reader's report, as the editors are told of it (never the reader's comment). */
    public record ReceivedReport(String reportId, long articleId, int revision, String reason, String email) {
    }

    /** A mail to a reader (who has no account): sent once per {@code key}, when mail is configured. */
    public void tellReader(String key, String address, Message message) {
        if (mail && address != null && !address.isBlank()) {
            jdbc.update(QUEUE_READER_MAIL, readerRow(key, address.strip(), message));
        }
    }

    private static String words(String reason) {
        return reason == null ? "a problem" : reason.toLowerCase().replace('_', ' ');
    }

    private MapSqlParameterSource row(Kind kind, String event, Message message) {
        return new MapSqlParameterSource("kind", kind.name()).addValue("fallback", kind.fallback().name())
                .addValue("event", clip(event, 160)).addValue("subject", clip(message.subject(), 300))
                .addValue("body", clip(message.body(), 2000)).addValue("link", clip(message.link(), 500))
                .addValue("mail", mail).addValue("now", now());
    }

    private static MapSqlParameterSource readerRow(String key, String address, Message message) {
        return new MapSqlParameterSource("key", clip(key, 200)).addValue("address", address)
                .addValue("subject", clip(message.subject(), 300)).addValue("body", message.body())
                .addValue("link", clip(message.link(), 500)).addValue("now", now());
    }

    static String clip(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static LocalDateTime now() {
        return LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
