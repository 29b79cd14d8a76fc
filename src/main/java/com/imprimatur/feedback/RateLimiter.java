package com.imprimatur.feedback;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fixed-window counters per key, shared by every node (table {@code reader_limit}): one upsert adds
 * the hit and returns the cluster's new count in the same round trip ({@code LAST_INSERT_ID(expr)}).
 * A flood stays cheap: once this node alone has seen more than the limit in the window, it refuses
 * without asking the database (every hit it saw is in the shared count, so the shared count is over
 * the limit too). Windows are aligned to the epoch; a node deletes the ended ones when its window
 * turns. All limiters on the table must use one window length (ReaderLimits: an hour).
 */
final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final String HIT = "insert into reader_limit (window_start, limit_key, hits) values (?, ?, last_insert_id(1)) "
            + "on duplicate key update hits = last_insert_id(hits + 1)";

    private final String name;
    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    /** This node's hits per key in {@link #window}. */
    private volatile ConcurrentHashMap<String, AtomicInteger> seenHere = new ConcurrentHashMap<>();
    private volatile long window = -1;

    RateLimiter(String name, int limit, Duration window, Clock clock, JdbcTemplate jdbc) {
        this.name = name;
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * 0 when the call may go ahead (and is counted); otherwise the seconds until it may. Throws the
     * database's exception when the shared count cannot be read.
     */
    long acquire(String key) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        ConcurrentHashMap<String, AtomicInteger> seen = turn(start);
        long wait = Math.max(1, (start + windowMillis - now + 999) / 1000);
        if (seen.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > limit) {
            return wait;
        }
        return hit(start, name + ':' + key) <= limit ? 0 : wait;
    }

    private long hit(long start, String key) {
        return jdbc.execute((java.sql.Connection c) -> {
            try (PreparedStatement s = c.prepareStatement(HIT, Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, start);
                s.setString(2, key);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException("the database returned no count for " + key);
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    /** This node's counts of the window that starts at {@code start}; a new window drops the old counts and ended windows. */
    private ConcurrentHashMap<String, AtomicInteger> turn(long start) {
        if (start == window) {
            return seenHere;
        }
        synchronized (this) {
            if (start != window) {
                seenHere = new ConcurrentHashMap<>();
                boolean first = window < 0;
                window = start;
                if (!first) {
                    prune(start);
                }
            }
            return seenHere;
        }
    }

    private void prune(long start) {
        try {
            int deleted = jdbc.update("delete from reader_limit where window_start < ?", start - windowMillis);
            log.debug("Reader limits: {} ended windows deleted", deleted);
        } catch (RuntimeException e) {
            log.warn("Reader limits: ended windows not deleted now ({}); the next window tries again", e.getMessage());
        }
    }
}
