package com.imprimatur.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import com.imprimatur.identity.UserName;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins per user name, in MariaDB so that every node sees the same count: after
 * {@code max-failures} failures within {@code window}, the name is locked for {@code lockout}, even
 * for the right password. A successful login clears the count.
 */
@Component
class LoginThrottle {

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

    /** The state before an attempt: how long the name stays locked (zero if not), and whether failures are on record. */
    record State(Duration lockedFor, boolean failuresOnRecord) {
    }

    State before(String username) {
        List<LocalDateTime> lockedUntil = jdbc.query("select locked_until from login_throttle where username = ?",
                (rs, n) -> rs.getObject(1, LocalDateTime.class), key(username));
        if (lockedUntil.isEmpty()) {
            return new State(Duration.ZERO, false);
        }
        LocalDateTime until = lockedUntil.get(0);
        Duration left = until == null ? Duration.ZERO : Duration.between(Instant.now(), until.toInstant(ZoneOffset.UTC));
        return new State(left.isNegative() ? Duration.ZERO : left, true);
    }

    /** Counts a failure; returns the lockout when this failure locks the name, else null. */
    Duration failed(String username) {
        return ownTransaction.execute(status -> {
            String key = key(username);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            List<Object[]> rows = jdbc.query("select failures, window_start from login_throttle where username = ? for update",
                    (rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, LocalDateTime.class)}, key);
            int failures;
            if (rows.isEmpty()) {
                failures = 1;
                jdbc.update("insert into login_throttle (username, failures, window_start) values (?, 1, ?)", key, now);
            } else if (((LocalDateTime) rows.get(0)[1]).isBefore(now.minus(window))) {
                failures = 1;
                jdbc.update("update login_throttle set failures = 1, window_start = ? where username = ?", now, key);
            } else {
                failures = (int) rows.get(0)[0] + 1;
                jdbc.update("update login_throttle set failures = ? where username = ?", failures, key);
            }
            if (failures < maxFailures) {
                return null;
            }
            jdbc.update("update login_throttle set failures = 0, window_start = ?, locked_until = ? where username = ?",
                    now, now.plus(lockout), key);
            return lockout;
        });
    }

    void succeeded(String username) {
        jdbc.update("delete from login_throttle where username = ?", key(username));
    }

    private static String key(String username) {
        String key = UserName.canonical(username);
        return key.length() > 190 ? key.substring(0, 190) : key;
    }
}
