package com.imprimatur.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Nodes that start together on one database build their schema one after the other: the first
 * migrates (Flyway, with its Java migrations), creates the engine's tables and deploys the
 * processes; the next finds all of it done and its deployment is filtered as a duplicate. Flyway
 * locks its own migrations, but the engine's schema creation is not locked against another node on
 * an empty database, so from before Flyway until every singleton (the engine among them) is built,
 * a node holds a MariaDB named lock (one per database) on a connection of its own. What runs later
 * (the start-up runners: demo users, first admin; the demo articles) tolerates a node doing the
 * same at the same moment. A node that dies while it holds the lock releases it with its connection.
 */
@Component
class StartupLock implements FlywayMigrationStrategy, SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;
    private final int waitSeconds;
    private Connection holder;

    StartupLock(DataSource dataSource, @Value("${imprimatur.startup.lock-wait-seconds:600}") int waitSeconds) {
        this.dataSource = dataSource;
        this.waitSeconds = waitSeconds;
    }

    @Override
    public void migrate(org.flywaydb.core.Flyway flyway) {
        acquire();
        flyway.migrate();
    }

    private synchronized void acquire() {
        long started = System.nanoTime();
        try {
            holder = dataSource.getConnection();
            holder.setAutoCommit(true);
            try (PreparedStatement s = holder.prepareStatement("select get_lock(concat('imprimatur.startup.', database()), ?)")) {
                s.setInt(1, waitSeconds);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || r.getInt(1) != 1) {
                        throw new IllegalStateException("Another node has been starting on this database for "
                                + waitSeconds + " s: not starting");
                    }
                }
            }
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("Cannot take the start-up lock: " + e.getMessage(), e);
        }
        log.info("Start-up lock taken after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Every singleton is built: the schema, the engine's tables and the deployment are there. */
    @Override
    public void afterSingletonsInstantiated() {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    /** Closing the connection releases the lock (and returns the connection to the pool). */
    private synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection c = holder) {
            try (PreparedStatement s = c.prepareStatement("select release_lock(concat('imprimatur.startup.', database()))")) {
                s.execute();
            }
        } catch (SQLException e) {
            log.warn("Start-up lock: {}", e.getMessage());
        } finally {
            holder = null;
        }
    }
}
