package com.imprimatur.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 10.1: gives every event written before V10 its MAC ({@link AuditKey}), then makes the
 * column NOT NULL. A Spring bean (Spring Boot hands such beans to Flyway) because it needs the key,
 * which the database never holds; so it runs once, at the first start with the key, and a MAC
 * missing later is a broken event, never one to fill in. The append-only trigger on UPDATE is lifted
 * for the fill and put back, which needs the migration account's rights (README, Audit anchor).
 */
@Component
class AuditMacs implements JavaMigration {

    private static final int BATCH = 5000;
    private static final String NO_UPDATE = "create trigger audit_event_no_update before update on audit_event for each row "
            + "signal sqlstate '45000' set message_text = 'audit_event is append-only: UPDATE refused'";

    private final AuditKey key;

    AuditMacs(AuditKey key) {
        this.key = key;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("10.1");
    }

    @Override
    public String getDescription() {
        return "audit MACs";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            boolean unsigned;
            try (ResultSet rs = s.executeQuery("select exists (select 1 from audit_event where mac is null)")) {
                unsigned = rs.next() && rs.getBoolean(1);
            }
            if (unsigned) {
                s.execute("drop trigger audit_event_no_update");
                try {
                    sign(c);
                } finally {
                    s.execute(NO_UPDATE);
                }
            }
            s.execute("alter table audit_event modify mac char(64) not null");
        }
    }

    private void sign(Connection c) throws SQLException {
        try (PreparedStatement next = c.prepareStatement("select seq, hash from audit_event where mac is null order by seq limit " + BATCH);
                PreparedStatement update = c.prepareStatement("update audit_event set mac = ? where seq = ?")) {
            while (true) {
                Map<Long, String> hashes = new LinkedHashMap<>();
                try (ResultSet rs = next.executeQuery()) {
                    while (rs.next()) {
                        hashes.put(rs.getLong(1), rs.getString(2));
                    }
                }
                if (hashes.isEmpty()) {
                    return;
                }
                for (Map.Entry<Long, String> event : hashes.entrySet()) {
                    update.setString(1, key.ofEvent(event.getValue()));
                    update.setLong(2, event.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }
}
