package com.imprimatur.feedback;

import com.imprimatur.audit.AuditTrail;
import com.imprimatur.notification.Notifications;
import com.imprimatur.webhook.WebhookOutbox;
import com.imprimatur.problem.Problem;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores readers' reports in groups: the reports that arrive while a group is being written wait
 * for the next one, and each group is one transaction holding the reports, their triage processes
 * and their audit events (group commit). A reader's request waits until its group has committed,
 * so a report id is only ever given out for a report that is stored with its triage task; when the
 * group fails, every reader in it gets the failure (503 when the database is down) and nothing of
 * the group is stored.
 *
 * <p>The same report from the same client within 24 hours (same dedupe key) gets the id of the
 * first. Two identical reports written at the same moment by two writers (or two nodes) meet at
 * the unique dedupe key: the later group is rolled back and its reports are written one by one,
 * where the loser finds the winner's id. A deadlock or lock timeout is handled the same way.
 *
 * <p>Writers never die of a failure: whatever a group throws is handed to its readers and the
 * writer takes the next group. A reader that has waited {@code wait-seconds} gets 503; its report
 * is withdrawn from the queue unless a writer has already taken it, in which case it may still be
 * stored (the reader's retry then gets its id, by the same dedupe key).
 */
@Component
class ReportStore {

    private static final Logger log = LoggerFactory.getLogger(ReportStore.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TriageQueue triage;
    private final AuditTrail audit;
    private final WebhookOutbox webhooks;
    private final Notifications notifications;
    private final BlockingQueue<Pending> waiting;
    private final int groupSize;
    private final long waitSeconds;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;
    /** For tests: runs between the look-up of earlier twins and the insert, where a race can strike. */
    private volatile Runnable afterLookUp = () -> { };

    private record Pending(FeedbackIntake.Checked report, CompletableFuture<FeedbackIntake.Receipt> receipt) {
    }

    ReportStore(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, TriageQueue triage,
            AuditTrail audit, WebhookOutbox webhooks, Notifications notifications, @Value("${imprimatur.feedback.writers:2}") int writers,
            @Value("${imprimatur.feedback.group-size:64}") int groupSize,
            @Value("${imprimatur.feedback.waiting:2000}") int capacity,
            @Value("${imprimatur.feedback.wait-seconds:30}") long waitSeconds) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.triage = triage;
        this.audit = audit;
        this.webhooks = webhooks;
        this.notifications = notifications;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.groupSize = groupSize;
        this.waitSeconds = waitSeconds;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::write, "report-writer-" + i);
            writer.setDaemon(true);
            this.writers.add(writer);
            writer.start();
        }
    }

    /** Stores the report (or finds its earlier twin) and returns once that is committed. */
    FeedbackIntake.Receipt store(FeedbackIntake.Checked report) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // a writer would wait for this transaction's locks while it waits for the writer
            throw new IllegalStateException("reports are stored by the writers' own transactions, not inside another");
        }
        Pending pending = new Pending(report, new CompletableFuture<>());
        if (!running || writers.stream().noneMatch(Thread::isAlive) || !waiting.offer(pending)) {
            throw busy();
        }
        try {
            return pending.receipt().get(waitSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw forThisReader(e.getCause());
        } catch (TimeoutException e) {
            // withdrawn if no writer has taken it yet; otherwise it may still be stored, and a retry gets its id
            pending.receipt().cancel(false);
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.receipt().cancel(false);
            throw busy();
        }
    }

    /** The group's failure as this reader's own exception (many readers share one failure). */
    private static RuntimeException forThisReader(Throwable failure) {
        if (failure instanceof Problem problem) {
            return problem;
        }
        if (lockFailure(failure)) {
            return busy();
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("storing the report failed", failure);
    }

    private static Problem busy() {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "We could not confirm your report in time; please send it again in a few seconds (should it have been"
                        + " stored after all, you get the same number back).").retryAfter(5);
    }

    private void write() {
        while (running) {
            List<Pending> group = new ArrayList<>(groupSize);
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, groupSize - 1);
                // readers who gave up before a writer took their report: withdrawn, not stored
                group.removeIf(p -> p.receipt().isCancelled());
                if (!group.isEmpty()) {
                    write(group);
                }
            } catch (InterruptedException e) {
                group.forEach(p -> p.receipt().completeExceptionally(busy()));
                return;
            } catch (Throwable unexpected) {
                // never let a writer die: its readers get the failure, the writer takes the next group
                log.error("Writing readers' reports failed", unexpected);
                group.forEach(p -> p.receipt().completeExceptionally(unexpected));
            }
        }
    }

    private void write(List<Pending> group) {
        try {
            commit(group);
        } catch (RuntimeException failure) {
            if (!clash(failure)) {
                group.forEach(p -> p.receipt().completeExceptionally(failure));
                return;
            }
            // an identical report stored at the same moment elsewhere, a deadlock or a lock timeout:
            // one by one now, where the loser of a race finds the winner's id
            for (Pending pending : group) {
                writeAlone(pending);
            }
        }
    }

    /** One report in a transaction of its own, tried twice when it clashes again. */
    private void writeAlone(Pending pending) {
        for (int attempt = 1;; attempt++) {
            try {
                commit(List.of(pending));
                return;
            } catch (RuntimeException failure) {
                if (attempt == 2 || !clash(failure)) {
                    pending.receipt().completeExceptionally(failure);
                    return;
                }
            }
        }
    }

    private void commit(List<Pending> group) {
        Map<Pending, FeedbackIntake.Receipt> receipts = transactions.execute(status -> storeAll(group));
        group.forEach(p -> p.receipt().complete(receipts.get(p)));
    }

    /** A unique-key clash with a twin, a deadlock or a lock wait timeout, however the engine or Spring wraps it. */
    private static boolean clash(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataIntegrityViolationException) {
                return true;
            }
        }
        return lockFailure(failure);
    }

    private static boolean lockFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransactionRollbackException
                    || t instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    private Map<Pending, FeedbackIntake.Receipt> storeAll(List<Pending> group) {
        Set<String> keys = new LinkedHashSet<>();
        group.forEach(p -> keys.add(p.report().dedupeKey()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        MapSqlParameterSource byKeys = new MapSqlParameterSource("keys", keys)
                .addValue("before", utc(now.minus(FeedbackIntake.REPEAT_WINDOW)));
        // a report older than the repeat window no longer holds its key, so the same words may be reported again
        jdbc.update("update feedback_report set dedupe_key = null where dedupe_key in (:keys) and created_at < :before", byKeys);
        Map<String, String> stored = new HashMap<>();
        jdbc.query("select dedupe_key, public_id from feedback_report where dedupe_key in (:keys)", byKeys,
                rs -> {
                    stored.put(rs.getString(1), rs.getString(2));
                });
        afterLookUp.run();
        Map<Pending, FeedbackIntake.Receipt> receipts = new HashMap<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        List<TriageQueue.Received> received = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (Pending pending : group) {
            FeedbackIntake.Checked report = pending.report();
            String earlier = stored.get(report.dedupeKey());
            if (earlier != null) {
                receipts.put(pending, new FeedbackIntake.Receipt(earlier, true));
                continue;
            }
            String id = UUID.randomUUID().toString();
            stored.put(report.dedupeKey(), id);
            receipts.put(pending, new FeedbackIntake.Receipt(id, false));
            rows.add(new MapSqlParameterSource("publicId", id).addValue("article", report.articleId())
                    .addValue("revision", report.revision()).addValue("reason", report.reason().name())
                    .addValue("comment", report.comment()).addValue("passage", report.passage())
                    .addValue("email", report.email()).addValue("client", report.clientHash())
                    .addValue("key", report.dedupeKey()).addValue("state", ReportState.RECEIVED.name())
                    .addValue("created", utc(now)));
            received.add(new TriageQueue.Received(report.articleId(), report.revision(), id, report.authors()));
            reasons.add(report.reason().name());
            emails.add(report.email());
        }
        if (rows.isEmpty()) {
            return receipts;
        }
        jdbc.batchUpdate("""
                insert into feedback_report (public_id, article_id, revision_number, reason, comment, passage, email,
                    client_hash, dedupe_key, state, created_at, version)
                values (:publicId, :article, :revision, :reason, :comment, :passage, :email, :client, :key, :state, :created, 0)""",
                rows.toArray(SqlParameterSource[]::new));
        triage.reportsReceived(received);
        // the webhook outbox, in this transaction: one batch for the group, nothing when no endpoint subscribed
        List<WebhookOutbox.ReceivedReport> events = new ArrayList<>(received.size());
        for (int i = 0; i < received.size(); i++) {
            TriageQueue.Received report = received.get(i);
            events.add(new WebhookOutbox.ReceivedReport(report.articleId(), report.revision(), report.reportId(), reasons.get(i)));
        }
        webhooks.reportsReceived(events);
        // the editors are told, and readers who left an address get an acknowledgement: one batch, in this transaction
        List<Notifications.ReceivedReport> told = new ArrayList<>(received.size());
        for (int i = 0; i < received.size(); i++) {
            TriageQueue.Received report = received.get(i);
            told.add(new Notifications.ReceivedReport(report.reportId(), report.articleId(), report.revision(), reasons.get(i),
                    emails.get(i)));
        }
        notifications.reportsReceived(told);
        for (int i = 0; i < received.size(); i++) {
            TriageQueue.Received report = received.get(i);
            // the reader's e-mail, comment and address stay out of the append-only trail (they may have to be erased)
            audit.recordAs(AuditTrail.READER, "report.received", report.articleId(), report.revision(), Map.of(
                    "reportId", report.reportId(), "reason", reasons.get(i)));
        }
        return receipts;
    }

    void afterLookUp(Runnable hook) {
        this.afterLookUp = hook;
    }

    /** As Hibernate writes them (hibernate.jdbc.time_zone: UTC), whatever the JVM's zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Readers still waiting when the service stops get 503 (their reports may or may not be stored; a retry tells). */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            // a writer in the middle of a group finishes it, then sees that the service stops
            writer.join(10_000);
        }
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.receipt().completeExceptionally(busy()));
    }
}
