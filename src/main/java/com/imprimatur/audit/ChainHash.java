package com.imprimatur.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash of one link: SHA-256 over the previous event's hash and the event's canonical content,
 * a JSON array {@code [prevHash, seq, occurredAt, actor, type, articleId, revision, details]} where
 * {@code details} is the stored canonical JSON text and {@code occurredAt} is ISO-8601 UTC.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String prevHash, long seq, Instant occurredAt, String actor, String type, Long articleId,
            Integer revision, String details) {
        String canonical = AuditTrail.canonicalJson(Arrays.asList(prevHash, seq,
                DateTimeFormatter.ISO_INSTANT.format(occurredAt), actor, type, articleId, revision, details));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
