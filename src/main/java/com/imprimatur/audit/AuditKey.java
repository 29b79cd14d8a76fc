package com.imprimatur.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit trail's secret: HMAC-SHA256 under {@code imprimatur.audit.key}, which lives in the
 * configuration and never in the database, so someone who can rewrite the database cannot make a
 * rewritten event or checkpoint carry a valid MAC. Profile {@code prod} refuses to start without it
 * (security.ProductionProfileCheck); elsewhere a fixed development key stands in, with a warning.
 * Changing the key makes every earlier MAC fail: keep it for the life of the trail.
 */
@Component
class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);
    /** Stands in outside production, where the key is not set. Public knowledge: it protects nothing. */
    static final String DEVELOPMENT_KEY = "imprimatur-development-audit-key (not for production)";

    private final SecretKeySpec key;

    AuditKey(@Value("${imprimatur.audit.key:}") String configured) {
        if (configured.isBlank()) {
            log.warn("imprimatur.audit.key is not set: the audit trail's MACs use the public development key");
        }
        this.key = new SecretKeySpec((configured.isBlank() ? DEVELOPMENT_KEY : configured).getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
    }

    /** The hex HMAC of one kind of record ({@code event}, {@code checkpoint}): kinds never stand in for each other. */
    String mac(String kind, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((kind + "\n" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The MAC of an event, over its chain hash (which covers its content and its predecessor). */
    String ofEvent(String hash) {
        return mac("event", hash);
    }

    /** Compares in constant time. */
    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
