package com.imprimatur.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import com.imprimatur.identity.UserName;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins per user name, in MariaDB so that every node sees the same count: after
 * {@code max-failures} failures within {@code window}, the name is locked for {@code lockout}, even
 * for the right password. An attempt is counted before its password is checked ({@link #attempt}),
 * so concurrent guesses cannot outrun the count; a successful login clears it. Old rows are pruned.
 */
@Component
class LoginThrottle {

    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${imprimatur.login.max-failures:5}") int maxFailures,
            @Value("${imprimatur.login.failure-window:PT15M}") Duration window,
            @Value("${imprimatur.login.lockout:PT15M}") Duration lockout) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /**
     * Takes an attempt for the name before its password is checked, atomically (the name's row is
     * locked for the few statements it takes, not across the password check): returns how long the
     * name stays locked (zero: go on, the attempt is counted as a failure until it succeeds). So
     * concurrent guesses cannot all be checked: once {@code max-failures} attempts are under way or
     * failed within the window, the others are refused without a password check.
     */
    Duration attempt(String username) {
        for (int tries = 1; ; tries++) {
            try {
                return reserve(username);
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (tries == 3) {
                    throw e; // as a server error: never as a password check that was not counted
                }
            }
        }
    }

    private Duration reserve(String username) {
        return ownTransaction.execute(status -> {
            String key = key(username);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            // takes the row's exclusive lock at once (insert ignore would take a shared one first: deadlocks)
            jdbc.update("insert into login_throttle (username, failures, window_start) values (?, 0, ?) "
                    + "on duplicate key update username = username", key, now);
            Row row = jdbc.queryForObject("select failures, window_start, locked_until from login_throttle where username = ? for update",
                    (rs, n) -> new Row(rs.getInt(1), rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class)), key);
            if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
                return Duration.between(now, row.lockedUntil());
            }
            int failures = row.failures();
            if (row.windowStart().isBefore(now.minus(window))) {
                failures = 0;
                jdbc.update("update login_throttle set window_start = ? where username = ?", now, key);
            }
            if (failures >= maxFailures) {
                // as many attempts as allowed are failed or still being checked: this one waits a
                // moment (if those in flight fail, the name is locked; if one succeeds, it is free)
                return IN_FLIGHT_WAIT;
            }
            jdbc.update("update login_throttle set failures = ? where username = ?", failures + 1, key);
            return Duration.ZERO;
        });
    }

    private record Row(int failures, LocalDateTime windowStart, LocalDateTime lockedUntil) {
    }

    /** The attempt failed: when it was the last one allowed, the name is locked now; returns the lockout then, else null. */
    Duration failed(String username) {
        return ownTransaction.execute(status -> {
            String key = key(username);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            List<Integer> failures = jdbc.query("select failures from login_throttle where username = ? for update",
                    (rs, n) -> rs.getInt(1), key);
            if (failures.isEmpty() || failures.get(0) < maxFailures) {
                return null;
            }
            jdbc.update("update login_throttle set failures = 0, window_start = ?, locked_until = ? where username = ?",
                    now, now.plus(lockout), key);
            return lockout;
        });
    }

    /** The attempt succeeded: the name's count starts afresh. */
    void succeeded(String username) {
        jdbc.update("delete from login_throttle where username = ? and (locked_until is null or locked_until < ?)",
                key(username), LocalDateTime.now(ZoneOffset.UTC));
    }

    /** Keeps the table small: rows of names neither locked nor failed within the window go (every node may run it). */
    @Scheduled(fixedDelayString = "${imprimatur.login.prune-every:PT10M}", initialDelayString = "${imprimatur.login.prune-every:PT10M}")
    void prune() {
        pruneNow();
    }

    int pruneNow() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        return jdbc.update("delete from login_throttle where window_start < ? and (locked_until is null or locked_until < ?)",
                now.minus(window), now);
    }

    private static String key(String username) {
        String key = UserName.canonical(username);
        return key.length() > 190 ? key.substring(0, 190) : key;
    }
}
