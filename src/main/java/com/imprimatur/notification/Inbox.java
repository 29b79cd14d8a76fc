package com.imprimatur.notification;

import com.imprimatur.problem.Problem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each person's notifications in the app (newest first, read or not) and their settings per kind. */
@Service
@Transactional
public class Inbox {

    private static final int LIMIT = 100;

    private final NamedParameterJdbcTemplate jdbc;

    Inbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One notification as the list and {@code GET /api/me/notifications} show it; {@code link} is a path of this site. */
    public record Item(long id, Kind kind, String subject, String body, String link, Instant createdAt, Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    @Transactional(readOnly = true)
    public List<Item> of(String username) {
        return jdbc.query("""
                select id, kind, subject, body, link, created_at, read_at from notification
                where recipient = :me order by id desc limit :limit""", new MapSqlParameterSource("me", username)
                .addValue("limit", LIMIT), (rs, n) -> new Item(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), instant(rs.getObject(6, LocalDateTime.class)),
                instant(rs.getObject(7, LocalDateTime.class))));
    }

    @Transactional(readOnly = true)
    public int unread(String username) {
        Integer count = jdbc.queryForObject("select count(*) from notification where recipient = :me and read_at is null",
                Map.of("me", username), Integer.class);
        return count == null ? 0 : count;
    }

    /** Marks one of the person's notifications read (null: all of them); another person's is not found. */
    public void markRead(String username, Long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("me", username).addValue("now", Notifications.now());
        if (id == null) {
            jdbc.update("update notification set read_at = :now where recipient = :me and read_at is null", params);
            return;
        }
        int found = jdbc.update("update notification set read_at = coalesce(read_at, :now) where recipient = :me and id = :id",
                params.addValue("id", id));
        if (found == 0) {
            throw Problem.notFound("Notification " + id);
        }
    }

    /** Every kind with the person's choice (or its default), in the order of {@link Kind}. */
    @Transactional(readOnly = true)
    public Map<Kind, Kind.Mode> settings(String username) {
        Map<Kind, Kind.Mode> settings = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            settings.put(kind, kind.fallback());
        }
        jdbc.query("select kind, mode from notification_setting where username = :me", Map.of("me", username), rs -> {
            settings.put(Kind.valueOf(rs.getString(1)), Kind.Mode.valueOf(rs.getString(2)));
        });
        return settings;
    }

    /**
     * Changes the person's choices for the kinds given (the others stay); 422 naming every unknown
     * kind or mode, and nothing changes then.
     */
    public Map<Kind, Kind.Mode> choose(String username, Map<String, ?> choices) {
        Map<Kind, Kind.Mode> chosen = new LinkedHashMap<>();
        List<Map<String, String>> errors = new ArrayList<>();
        choices.forEach((kind, mode) -> {
            Kind k = parse(Kind.class, kind);
            Kind.Mode m = mode instanceof String s ? parse(Kind.Mode.class, s) : null;
            if (k == null) {
                errors.add(Map.of("field", String.valueOf(kind), "message", "not a kind of notification; kinds: "
                        + List.of(Kind.values())));
            } else if (m == null) {
                errors.add(Map.of("field", kind, "message", "give IMMEDIATE, DIGEST or OFF"));
            } else {
                chosen.put(k, m);
            }
        });
        if (!errors.isEmpty()) {
            throw Problem.invalid("invalid-notification-settings", "Some settings are not understood: "
                    + errors.stream().map(e -> e.get("field")).toList() + ".").with("errors", errors);
        }
        chosen.forEach((kind, mode) -> jdbc.update("""
                insert into notification_setting (username, kind, mode) values (:me, :kind, :mode)
                on duplicate key update mode = :mode""", Map.of("me", username, "kind", kind.name(), "mode", mode.name())));
        return settings(username);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
