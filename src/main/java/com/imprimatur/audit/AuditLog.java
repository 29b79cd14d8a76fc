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

/** Reading the trail: filtered listings, an article's events, its checkpoints, the walk that verifies the chain. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int MAX_PAGE_SIZE = 500;
    private static final int WALK_BATCH = 2000;
    private static final String COLUMNS = "seq, occurred_at, actor, type, article_id, revision_number, details, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditKey key;

    AuditLog(JdbcTemplate jdbc, ObjectMapper json, AuditKey key) {
        this.jdbc = jdbc;
        this.json = json;
        this.key = key;
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

    /** How many events the chain holds (its head's position). */
    public long events() {
        Long seq = jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
        return seq == null ? 0 : seq;
    }

    /** When each of these actors last had an event of this type (those who never did are absent). */
    public Map<String, java.time.Instant> lastOf(String type, java.util.Collection<String> actors) {
        Map<String, java.time.Instant> last = new java.util.HashMap<>();
        if (actors.isEmpty()) {
            return last;
        }
        List<Object> args = new ArrayList<>();
        args.add(type);
        args.addAll(actors);
        jdbc.query("select actor, max(occurred_at) as at from audit_event where type = ? and actor in ("
                + String.join(",", java.util.Collections.nCopies(actors.size(), "?")) + ") group by actor",
                rs -> {
                    last.put(rs.getString("actor"), rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
                }, args.toArray());
        return last;
    }

    /** The result of walking the chain, and the checkpoint it was held against (if any). */
    public record Verification(boolean valid, long events, BrokenEvent firstBrokenEvent, Checkpoint checkpoint) {
    }

    public record BrokenEvent(long seq, String type, String reason) {
    }

    /** Verifies the chain against the latest checkpoint stored in the database (if any). */
    public Verification verify() {
        return verify(latestCheckpoint());
    }

    /**
     * Walks the chain from the first event up to the head as it stands when the walk starts
     * (appends made meanwhile are left for the next walk), recomputing every hash and MAC, and holds
     * it against a checkpoint: the event at the checkpoint's seq must still carry its head hash, and
     * there must be at least as many events as it counts.
     */
    public Verification verify(Checkpoint against) {
        if (against != null && !against.genuine(key)) {
            return new Verification(false, 0, new BrokenEvent(against.seq(), null,
                    "the checkpoint's MAC is not made with this service's audit key: it is not one of ours"), against);
        }
        Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        return walk(0, ChainHash.GENESIS, ((Number) head.get("last_seq")).longValue(), (String) head.get("last_hash"), against);
    }

    /**
     * Walks from the event after {@code from} (a checkpoint already verified) to the head; what a new
     * checkpoint is written on. {@code null}: from the first event.
     */
    Verification verifySince(Checkpoint from, long headSeq, String headHash) {
        if (from == null) {
            return walk(0, ChainHash.GENESIS, headSeq, headHash, null);
        }
        List<String> stored = jdbc.queryForList("select hash from audit_event where seq = ?", String.class, from.seq());
        if (from.seq() > headSeq || stored.isEmpty() || !stored.get(0).equals(from.headHash())) {
            return new Verification(false, from.seq(), new BrokenEvent(from.seq(), null,
                    "event " + from.seq() + " no longer carries the hash of the last checkpoint"), from);
        }
        return walk(from.seq(), from.headHash(), headSeq, headHash, from);
    }

    private Verification walk(long fromSeq, String fromHash, long headSeq, String headHash, Checkpoint against) {
        String expectedPrev = fromHash;
        long expectedSeq = fromSeq + 1;
        long count = fromSeq;
        while (expectedSeq <= headSeq) {
            List<Stored> batch = jdbc.query("select " + COLUMNS + ", mac from audit_event where seq >= ? and seq <= ? order by seq limit ?",
                    (rs, n) -> stored(rs, true), expectedSeq, headSeq, WALK_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (Stored e : batch) {
                if (e.seq != expectedSeq) {
                    return broken(count, expectedSeq, null, "event " + expectedSeq + " is missing (the next one stored is " + e.seq + ")", against);
                }
                count++;
                if (!e.prevHash.equals(expectedPrev)) {
                    return broken(count, e.seq, e.type, "its previous hash is not the hash of event " + (e.seq - 1), against);
                }
                String recomputed = ChainHash.of(e.prevHash, e.seq, e.occurredAt, e.actor, e.type, e.articleId, e.revision, e.details);
                if (!recomputed.equals(e.hash)) {
                    return broken(count, e.seq, e.type, "its content does not match its hash: it was altered after it was written", against);
                }
                if (!AuditKey.same(key.ofEvent(e.hash), e.mac)) {
                    return broken(count, e.seq, e.type, "its MAC does not match: it was rewritten (or written) without the audit key", against);
                }
                if (against != null && e.seq == against.seq() && !e.hash.equals(against.headHash())) {
                    return broken(count, e.seq, e.type, "it no longer carries the hash the checkpoint of " + against.createdAt()
                            + " signed: the chain up to it was rewritten", against);
                }
                expectedPrev = e.hash;
                expectedSeq++;
            }
        }
        if (expectedSeq <= headSeq) {
            return broken(count, expectedSeq, null, "the chain's head names event " + headSeq + " but the stored events end at "
                    + (expectedSeq - 1) + ": events were removed", against);
        }
        if (!expectedPrev.equals(headHash)) {
            return broken(count, headSeq, null, "the chain's head does not hold the hash of its last event", against);
        }
        if (against != null && count < against.events()) {
            return broken(count, count + 1, null, "the checkpoint of " + against.createdAt() + " counts " + against.events()
                    + " events up to event " + against.seq() + "; only " + count + " remain: events were cut off the end", against);
        }
        return new Verification(true, count, null, against);
    }

    /** The latest checkpoint in the database, or null. */
    public Checkpoint latestCheckpoint() {
        List<Checkpoint> latest = checkpoints(1);
        return latest.isEmpty() ? null : latest.get(0);
    }

    /** The latest checkpoints in the database, newest first. */
    public List<Checkpoint> checkpoints(int limit) {
        return jdbc.query("select head_seq, events, head_hash, created_at, mac from audit_checkpoint order by id desc limit ?",
                (rs, n) -> new Checkpoint(rs.getLong("head_seq"), rs.getLong("events"), rs.getString("head_hash"),
                        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("mac")), limit);
    }

    private static Verification broken(long count, long seq, String type, String reason, Checkpoint against) {
        return new Verification(false, count, new BrokenEvent(seq, type, reason), against);
    }

    private record Stored(long seq, java.time.Instant occurredAt, String actor, String type, Long articleId, Integer revision,
            String details, String prevHash, String hash, String mac) {
    }

    private static Stored stored(ResultSet rs, boolean withMac) throws SQLException {
        long article = rs.getLong("article_id");
        Long articleId = rs.wasNull() ? null : article;
        int rev = rs.getInt("revision_number");
        Integer revision = rs.wasNull() ? null : rev;
        return new Stored(rs.getLong("seq"), rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("actor"), rs.getString("type"), articleId, revision, rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"), withMac ? rs.getString("mac") : null);
    }

    private AuditEventView view(ResultSet rs) throws SQLException {
        Stored s = stored(rs, false);
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
        if (q.types() != null && !q.types().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (String type : q.types()) {
                any.add(type.endsWith(".") ? "type like ?" : "type = ?");
                args.add(type.endsWith(".") ? type.replace("%", "").replace("_", "\\_") + "%" : type);
            }
            parts.add("(" + String.join(" or ", any) + ")");
        }
        return new Where(parts.isEmpty() ? "" : " where " + String.join(" and ", parts), args);
    }
}
