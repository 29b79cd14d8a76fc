package com.imprimatur.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Signs the chain's head now and then: verifies the events written since the last checkpoint and,
 * when they hold, writes a new {@link Checkpoint} to the application log (one line an operator's
 * log store keeps outside the database) and to {@code audit_checkpoint}, from where admins export it
 * ({@code GET /api/admin/audit/checkpoints}). Every node does this on its own timer; a head that has
 * not moved since the last checkpoint gets no new one. A chain that no longer verifies gets no
 * checkpoint, and an error in the log instead.
 */
@Service
class AuditCheckpoints implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcTemplate jdbc;
    private final AuditLog trail;
    private final AuditKey key;
    private final Duration every;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;

    AuditCheckpoints(JdbcTemplate jdbc, AuditLog trail, AuditKey key,
            @Value("${imprimatur.audit.checkpoint-every:PT1H}") Duration every) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.key = key;
        this.every = every;
    }

    /** Writes a checkpoint of the head as it stands, unless the head has not moved or the chain is broken. */
    Checkpoint write() {
        Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        String headHash = (String) head.get("last_hash");
        Checkpoint last = trail.latestCheckpoint();
        if (last != null && !last.genuine(key)) {
            log.error("Audit checkpoint not written: the latest stored checkpoint ({}) does not carry our MAC", last.token());
            return null;
        }
        if (last != null && last.seq() == headSeq && last.headHash().equals(headHash)) {
            return last;
        }
        AuditLog.Verification verified = trail.verifySince(last, headSeq, headHash);
        if (!verified.valid()) {
            log.error("Audit checkpoint not written: the chain does not verify at event {}: {}",
                    verified.firstBrokenEvent().seq(), verified.firstBrokenEvent().reason());
            return null;
        }
        Checkpoint checkpoint = Checkpoint.sign(key, headSeq, verified.events(), headHash, clock.instant());
        jdbc.update("insert into audit_checkpoint (head_seq, events, head_hash, created_at, mac) values (?, ?, ?, ?, ?)",
                checkpoint.seq(), checkpoint.events(), checkpoint.headHash(),
                LocalDateTime.ofInstant(checkpoint.createdAt(), ZoneOffset.UTC), checkpoint.mac());
        log.info("Audit checkpoint {}", checkpoint.token());
        return checkpoint;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        // the first one a minute after start, so that each start leaves an anchor in the log
        timer.scheduleWithFixedDelay(this::writeQuietly, Math.min(60, every.toSeconds()), every.toSeconds(), TimeUnit.SECONDS);
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException e) {
            log.warn("Audit checkpoint not written this time: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
