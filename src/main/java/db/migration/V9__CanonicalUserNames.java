package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * One spelling per user name. Until now the user-name columns compared case- and
 * accent-insensitively, so a login as {@code WRITER} was accepted and its spelling was written
 * wherever that person acted. This migration first rewrites every stored reference to a user
 * (application tables, and the engine's running tasks and variables when the engine's tables
 * exist) to the user's stored, canonical name, using that insensitive comparison one last time;
 * then it makes every user-name column compare bytes ({@code utf8mb4_bin}), so that only the
 * canonical spelling matches from now on. The audit trail is append-only and hash-chained: it keeps
 * the spellings it recorded, and its actor column compares bytes too, so that a filter by a person
 * finds that person's events and not those of look-alike names (a failed login as "drqüeue").
 */
public class V9__CanonicalUserNames extends BaseJavaMigration {

    /** table, column, nullable: every column that holds a user name of the application. */
    private static final String[][] COLUMNS = {
        {"app_user", "username", "no"},
        {"app_user_role", "username", "no"},
        {"article", "created_by", "no"},
        {"article", "reviewed_by", "yes"},
        {"article", "withdrawn_by", "yes"},
        {"revision", "created_by", "no"},
        {"revision_author", "username", "no"},
        {"decision", "actor", "no"},
        {"plagiarism_source", "created_by", "no"},
        {"plagiarism_report", "dismissed_by", "yes"},
        {"feedback_report", "triaged_by", "yes"},
        {"task_queue", "assignee", "yes"},
        {"task_queue_author", "username", "no"},
    };

    /** The engine's process variables that hold one user name. */
    private static final List<String> NAME_VARIABLES = List.of("writer", "medicalReviewBy", "resolvePlagiarismBy",
            "approvePublicationBy", "triageReportBy");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            for (String[] column : COLUMNS) {
                if (!"app_user".equals(column[0])) {
                    s.executeUpdate("update " + column[0] + " t join app_user u on t." + column[1] + " = u.username set t."
                            + column[1] + " = u.username where binary t." + column[1] + " <> binary u.username");
                }
            }
            s.executeUpdate("update login_throttle set username = lower(trim(username))");
            if (exists(c, "ACT_RU_TASK")) {
                for (String col : List.of("ACT_RU_TASK.ASSIGNEE_", "ACT_RU_TASK.OWNER_", "ACT_RU_IDENTITYLINK.USER_ID_")) {
                    String[] tc = col.split("\\.");
                    s.executeUpdate("update " + tc[0] + " t join app_user u on convert(t." + tc[1]
                            + " using utf8mb4) collate utf8mb4_unicode_ci = u.username set t." + tc[1] + " = u.username");
                }
                s.executeUpdate("update ACT_RU_VARIABLE t join app_user u on convert(t.TEXT_ using utf8mb4) collate "
                        + "utf8mb4_unicode_ci = u.username set t.TEXT_ = u.username where t.TYPE_ = 'string' and t.NAME_ in ('"
                        + String.join("','", NAME_VARIABLES) + "')");
                canonicalAuthorLists(c);
            }
            Map<String, String[]> keys = foreignKeysToUsers(c);
            for (Map.Entry<String, String[]> key : keys.entrySet()) {
                s.execute("alter table " + key.getValue()[0] + " drop foreign key " + key.getKey());
            }
            for (String[] column : COLUMNS) {
                s.execute("alter table " + column[0] + " modify " + column[1] + " varchar(64) character set utf8mb4 collate utf8mb4_bin "
                        + ("yes".equals(column[2]) ? "null" : "not null"));
            }
            s.execute("alter table login_throttle modify username varchar(190) character set utf8mb4 collate utf8mb4_bin not null");
            // the audit trail's bytes (and so its hash chain) stay as they are; only its comparison becomes exact
            s.execute("alter table audit_event modify actor varchar(190) character set utf8mb4 collate utf8mb4_bin not null");
            for (Map.Entry<String, String[]> key : keys.entrySet()) {
                s.execute("alter table " + key.getValue()[0] + " add constraint " + key.getKey() + " foreign key ("
                        + key.getValue()[1] + ") references app_user (username)");
            }
        }
    }

    /** The {@code authors} variable is a comma-separated list: each name replaced by its stored spelling. */
    private static void canonicalAuthorLists(Connection c) throws SQLException {
        Map<String, String> updates = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select ID_, TEXT_ from ACT_RU_VARIABLE where NAME_ = 'authors' and TYPE_ = 'string'")) {
            while (rs.next()) {
                String text = rs.getString(2);
                if (text == null || text.isBlank()) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (String name : text.split(",")) {
                    names.add(stored(c, name));
                }
                String canonical = String.join(",", names);
                if (!canonical.equals(text)) {
                    updates.put(rs.getString(1), canonical);
                }
            }
        }
        try (PreparedStatement update = c.prepareStatement("update ACT_RU_VARIABLE set TEXT_ = ? where ID_ = ?")) {
            for (Map.Entry<String, String> e : updates.entrySet()) {
                update.setString(1, e.getValue());
                update.setString(2, e.getKey());
                update.executeUpdate();
            }
        }
    }

    private static String stored(Connection c, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select username from app_user where username = ?")) {
            q.setString(1, name.strip());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : name;
            }
        }
    }

    private static Map<String, String[]> foreignKeysToUsers(Connection c) throws SQLException {
        Map<String, String[]> keys = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select constraint_name, table_name, column_name "
                + "from information_schema.key_column_usage where table_schema = database() and referenced_table_name = 'app_user'")) {
            while (rs.next()) {
                keys.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return keys;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "select count(*) from information_schema.tables where table_schema = database() and table_name = ?")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }
}
