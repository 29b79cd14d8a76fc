package com.imprimatur.feedback;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-window counters per key, in this node's memory: cheap enough to answer a flood with 429
 * before anything touches the database. Each node counts on its own (a limit, not a ledger).
 */
final class RateLimiter {

    private record Window(long start, AtomicInteger count) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** 0 when the call may go ahead (and is counted); otherwise the seconds until it may. */
    long acquire(String key) {
        long now = clock.millis();
        sweep(now);
        Window window = windows.compute(key, (k, w) -> w == null || now - w.start() >= windowMillis
                ? new Window(now, new AtomicInteger()) : w);
        if (window.count().incrementAndGet() <= limit) {
            return 0;
        }
        return Math.max(1, (window.start() + windowMillis - now + 999) / 1000);
    }

    private void sweep(long now) {
        if (now - lastSweep < windowMillis) {
            return;
        }
        lastSweep = now;
        windows.values().removeIf(w -> now - w.start() >= windowMillis);
    }
}
