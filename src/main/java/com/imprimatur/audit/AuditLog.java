package com.imprimatur.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the trail: filtered listings, an article's events, the walk that verifies the chain. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int MAX_PAGE_SIZE = 500;
    private static final int WALK_BATCH = 2000;
    private static final String COLUMNS = "seq, occurred_at, actor, type, article_id, revision_number, details, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Page(int page, int size, long total, List<AuditEventView> events) {
    }

    /** One page of the events matching the query, newest first. */
    public Page page(AuditQuery query, int page, int size) {
        Where where = where(query);
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where.sql, Long.class, where.args.toArray());
        List<Object> args = new ArrayList<>(where.args);
        args.add(size);
        args.add((long) page * size);
        List<AuditEventView> events = jdbc.query("select " + COLUMNS + " from audit_event" + where.sql
                + " order by seq desc limit ? offset ?", (rs, n) -> view(rs), args.toArray());
        return new Page(page, size, total == null ? 0 : total, events);
    }

    /** Every event matching the query, oldest first, handed over one by one (exports of any size). */
    public void each(AuditQuery query, Consumer<AuditEventView> consumer) {
        Where where = where(query);
        jdbc.query("select " + COLUMNS + " from audit_event" + where.sql + " order by seq",
                rs -> {
                    consumer.accept(view(rs));
                }, where.args.toArray());
    }

    /** Every event of an article, oldest first. */
    public List<AuditEventView> ofArticle(long articleId) {
        return jdbc.query("select " + COLUMNS + " from audit_event where article_id = ? order by seq", (rs, n) -> view(rs), articleId);
    }

    /** The result of walking the chain. */
    public record Verification(boolean valid, long events, BrokenEvent firstBrokenEvent) {
    }

    public record BrokenEvent(long seq, String type, String reason) {
    }

    /**
     * Walks the chain from the first event up to the head as it stands when the walk starts
     * (appends made meanwhile are left for the next walk), recomputing every hash.
     */
    public Verification verify() {
        Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        String expectedPrev = ChainHash.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        while (expectedSeq <= headSeq) {
            List<Stored> batch = jdbc.query("select " + COLUMNS + " from audit_event where seq >= ? and seq <= ? order by seq limit ?",
                    (rs, n) -> stored(rs), expectedSeq, headSeq, WALK_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (Stored e : batch) {
                if (e.seq != expectedSeq) {
                    return broken(count, expectedSeq, null, "event " + expectedSeq + " is missing (the next one stored is " + e.seq + ")");
                }
                count++;
                if (!e.prevHash.equals(expectedPrev)) {
                    return broken(count, e.seq, e.type, "its previous hash is not the hash of event " + (e.seq - 1));
                }
                String recomputed = ChainHash.of(e.prevHash, e.seq, e.occurredAt, e.actor, e.type, e.articleId, e.revision, e.details);
                if (!recomputed.equals(e.hash)) {
                    return broken(count, e.seq, e.type, "its content does not match its hash: it was altered after it was written");
                }
                expectedPrev = e.hash;
                expectedSeq++;
            }
        }
        if (expectedSeq <= headSeq) {
            return broken(count, expectedSeq, null, "the chain's head names event " + headSeq + " but the stored events end at "
                    + (expectedSeq - 1) + ": events were removed");
        }
        if (!expectedPrev.equals(head.get("last_hash"))) {
            return broken(count, headSeq, null, "the chain's head does not hold the hash of its last event");
        }
        return new Verification(true, count, null);
    }

    private static Verification broken(long count, long seq, String type, String reason) {
        return new Verification(false, count, new BrokenEvent(seq, type, reason));
    }

    private record Stored(long seq, java.time.Instant occurredAt, String actor, String type, Long articleId, Integer revision,
            String details, String prevHash, String hash) {
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        long article = rs.getLong("article_id");
        Long articleId = rs.wasNull() ? null : article;
        int rev = rs.getInt("revision_number");
        Integer revision = rs.wasNull() ? null : rev;
        return new Stored(rs.getLong("seq"), rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("actor"), rs.getString("type"), articleId, revision, rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    private AuditEventView view(ResultSet rs) throws SQLException {
        Stored s = stored(rs);
        try {
            return new AuditEventView(s.seq, s.occurredAt, s.actor, s.type, s.articleId, s.revision, json.readTree(s.details),
                    s.prevHash, s.hash);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event " + s.seq + " holds details that are not JSON", e);
        }
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(AuditQuery q) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.articleId() != null) {
            parts.add("article_id = ?");
            args.add(q.articleId());
        }
        if (q.actor() != null && !q.actor().isBlank()) {
            parts.add("actor = ?");
            args.add(q.actor().strip());
        }
        if (q.from() != null) {
            parts.add("occurred_at >= ?");
            args.add(LocalDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            parts.add("occurred_at < ?");
            args.add(LocalDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        return new Where(parts.isEmpty() ? "" : " where " + String.join(" and ", parts), args);
    }
}
