package com.imprimatur.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed statement about the chain: at {@code createdAt} it held {@code events} events, the last
 * one {@code seq} with hash {@code headHash}. The MAC is keyed ({@link AuditKey}), so a checkpoint
 * kept outside the database (the application log, an admin's export) holds even against someone
 * who rewrites every row: verification against it finds a cut-off tail or a rewritten event.
 * Exported as one line, {@link #token()}: {@code v1.<seq>.<events>.<epoch seconds>.<head hash>.<mac>}.
 */
public record Checkpoint(long seq, long events, String headHash, Instant createdAt, @JsonIgnore String mac) {

    private static final Pattern TOKEN = Pattern.compile("v1\\.(\\d{1,18})\\.(\\d{1,18})\\.(\\d{1,12})\\.([0-9a-f]{64})\\.([0-9a-f]{64})");

    static Checkpoint sign(AuditKey key, long seq, long events, String headHash, Instant at) {
        Instant createdAt = at.truncatedTo(ChronoUnit.SECONDS);
        return new Checkpoint(seq, events, headHash, createdAt, key.mac("checkpoint", signed(seq, events, headHash, createdAt)));
    }

    /** The checkpoint a token names, or an IllegalArgumentException for text that is not one. */
    static Checkpoint parse(String token) {
        Matcher m = TOKEN.matcher(token.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("A checkpoint looks like v1.<seq>.<events>.<epoch seconds>.<head hash>.<mac>, "
                    + "as GET /api/admin/audit/checkpoints exports it.");
        }
        return new Checkpoint(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(4),
                Instant.ofEpochSecond(Long.parseLong(m.group(3))), m.group(5));
    }

    /** Whether this service's key signed it. */
    boolean genuine(AuditKey key) {
        return AuditKey.same(key.mac("checkpoint", signed(seq, events, headHash, createdAt)), mac);
    }

    /** The checkpoint as one line, to keep outside the database. */
    @JsonProperty("token")
    public String token() {
        return "v1." + seq + "." + events + "." + createdAt.getEpochSecond() + "." + headHash + "." + mac;
    }

    private static String signed(long seq, long events, String headHash, Instant createdAt) {
        return seq + ":" + events + ":" + headHash + ":" + createdAt.getEpochSecond();
    }
}
