package com.imprimatur.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mail outbox after commit, on every node, as {@code webhook.WebhookSender} delivers
 * webhooks: a poll claims due rows with {@code select … for update skip locked} and pushes their
 * next attempt past the send time (a lease: a node that dies mid-send leaves them to another),
 * then sends each outside any transaction and marks it SENT. A mail server that is down or answers
 * 4xx delays the mail (retried with doubling delays for {@code retry-for}); one that refuses the
 * address for good (5xx) or a retry time used up makes it FAILED, shown to admins ({@link MailFailures}).
 * At least once: a node that dies between the server's acceptance and the update sends it again.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int BATCH = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mailer;
    private final MailTemplates templates = new MailTemplates();
    private final String base;
    private final String from;
    private final Duration firstRetry;
    private final Duration maxDelay;
    private final Duration retryFor;

    MailDelivery(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mailer,
            @Value("${imprimatur.public-base-url}") String base,
            @Value("${imprimatur.notifications.from:imprimatur@localhost}") String from,
            @Value("${imprimatur.notifications.first-retry:PT30S}") Duration firstRetry,
            @Value("${imprimatur.notifications.max-delay:PT1H}") Duration maxDelay,
            @Value("${imprimatur.notifications.retry-for:P2D}") Duration retryFor) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.mailer = mailer;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.from = from;
        this.firstRetry = firstRetry;
        this.maxDelay = maxDelay;
        this.retryFor = retryFor;
    }

    private record Claimed(long id, String key, String address, String kind, String subject, String body, String link,
            int attempts, Instant createdAt) {
    }

    @Scheduled(fixedDelayString = "${imprimatur.notifications.poll-every:PT5S}",
            initialDelayString = "${imprimatur.notifications.poll-every:PT5S}")
    void poll() {
        JavaMailSender sender = mailer.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            List<Claimed> claimed;
            do {
                claimed = claim();
                claimed.forEach(mail -> send(sender, mail));
            } while (claimed.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("Mail round failed; the next round retries: {}", e.toString());
        }
    }

    private List<Claimed> claim() {
        return transaction.execute(status -> {
            List<Claimed> due = jdbc.query("""
                    select id, message_key, address, kind, subject, body, link, attempts, created_at from mail_outbox
                    where state = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ?
                    for update skip locked""", (rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                    rs.getObject(9, LocalDateTime.class).toInstant(ZoneOffset.UTC)), utc(Instant.now()), BATCH);
            LocalDateTime lease = utc(Instant.now().plus(Duration.ofMinutes(2)));
            for (Claimed c : due) {
                jdbc.update("update mail_outbox set next_attempt_at = ?, attempts = attempts + 1 where id = ?", lease, c.id());
            }
            return due;
        });
    }

    private void send(JavaMailSender sender, Claimed mail) {
        Instant now = Instant.now();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.address());
            helper.setSubject(mail.subject());
            String settings = "READER".equals(mail.kind()) ? null : base + "/me#notifications";
            MailTemplates.Rendered rendered;
            if ("DIGEST".equals(mail.kind())) {
                rendered = templates.render("digest", mail.subject(), digestLines(mail.id()), settings);
                message.setHeader("List-Unsubscribe", "<" + settings + ">");
            } else {
                rendered = templates.render("READER".equals(mail.kind()) ? "reader" : "notification", mail.subject(),
                        List.of(new MailTemplates.Line(mail.subject(), mail.body(), base + mail.link())), settings);
            }
            helper.setText(rendered.text(), rendered.html());
            message.setHeader("X-Imprimatur-Message", mail.key());
            sender.send(message);
            jdbc.update("update mail_outbox set state = 'SENT', sent_at = ?, last_attempt_at = ?, last_error = null where id = ?",
                    utc(Instant.now()), utc(now), mail.id());
        } catch (MessagingException | RuntimeException e) {
            failed(mail, now, e);
        }
    }

    private List<MailTemplates.Line> digestLines(long mailId) {
        return jdbc.query("select subject, body, link from notification where digest_id = ? order by id",
                (rs, n) -> new MailTemplates.Line(rs.getString(1), rs.getString(2), base + rs.getString(3)), mailId);
    }

    private void failed(Claimed mail, Instant now, Exception e) {
        boolean refused = refusedForGood(e);
        Instant next = refused ? null : next(mail.attempts() + 1, mail.createdAt(), now);
        String error = clip(e.toString() + (e.getCause() == null ? "" : " / " + e.getCause()));
        jdbc.update("update mail_outbox set state = ?, next_attempt_at = ?, last_attempt_at = ?, last_error = ? where id = ?",
                next == null ? "FAILED" : "PENDING", utc(next == null ? now : next), utc(now), error, mail.id());
        if (next == null) {
            log.warn("Mail {} to {} failed for good after {} attempts: {}", mail.key(), mail.address(), mail.attempts() + 1, error);
        }
    }

    /** The server refused the address or the message (5xx): trying again would not help. */
    private static boolean refusedForGood(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailParseException) {
                return true;
            }
        }
        return false;
    }

    /** Doubling delays from {@code first-retry}, at most {@code max-delay} apart; none once {@code retry-for} has passed. */
    private Instant next(int attempt, Instant createdAt, Instant now) {
        Instant deadline = createdAt.plus(retryFor);
        if (!now.isBefore(deadline)) {
            return null;
        }
        long millis = firstRetry.toMillis();
        for (int i = 1; i < attempt && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        Instant next = now.plusMillis(Math.min(millis, maxDelay.toMillis()));
        return next.isAfter(deadline) ? deadline : next;
    }

    private static String clip(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
