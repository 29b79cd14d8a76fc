package com.imprimatur.web.site;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Anti-forgery for the readers' forms without any state on the server or in a cookie. A post is
 * accepted when (1) the browser does not say it came from another site: {@code Sec-Fetch-Site} is
 * {@code same-origin} (or {@code none}, a person's own action), or, from a browser too old to send
 * it, {@code Origin} is this site; and (2) it carries the token the page put in the form: the
 * expiry and an HMAC-SHA256 of the article's slug and that expiry, under
 * {@code imprimatur.public.form-key}. Any node holding the same key checks any node's token.
 */
@Component
class ReaderForms {

    private static final Logger log = LoggerFactory.getLogger(ReaderForms.class);
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    /** Longer than any token we make (an epoch second, a dot, 43 characters): not even parsed. */
    private static final int MAX_TOKEN = 64;

    /** What the check found, with the words the reader sees. */
    enum Verdict {
        ACCEPTED(null),
        CROSS_SITE("This form was sent from another website, so nothing was stored. To report a problem or vote, "
                + "use the form on this page."),
        EXPIRED("This page was open for a long time, so the form expired and nothing was stored. "
                + "Please check your entries and send them again."),
        FORGED("This form could not be verified, so nothing was stored. Please send it again from this page.");

        final String words;

        Verdict(String words) {
            this.words = words;
        }
    }

    private final SecretKeySpec key;
    private final Duration validity;
    private final Clock clock;

    ReaderForms(@Value("${imprimatur.public.form-key:}") String key,
            @Value("${imprimatur.public.form-token-validity:PT4H}") Duration validity) {
        byte[] secret = key.getBytes(StandardCharsets.UTF_8);
        if (key.isBlank()) {
            // profile prod refuses to start without a key (security.ProductionProfileCheck)
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("imprimatur.public.form-key is not set: readers' forms are signed with a random key for this run "
                    + "(forms opened before a restart, or on another node, are asked to be sent again)");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.validity = validity;
        this.clock = Clock.systemUTC();
    }

    /** The token for the forms of the page of {@code slug}, valid for the configured time. */
    String token(String slug) {
        return token(slug, clock.instant().plus(validity));
    }

    /** A token expiring at {@code expires} (tests make expired ones). */
    String token(String slug, Instant expires) {
        long seconds = expires.getEpochSecond();
        return seconds + "." + BASE64.encodeToString(formMac(slug, seconds));
    }

    /** The report id, signed, for the address the reader is sent to after posting (no flash attribute, no session). */
    String receipt(String reportId) {
        return reportId + "." + BASE64.encodeToString(mac("receipt\n" + reportId));
    }

    /** The report id of a receipt this service made, or null. */
    String reportId(String receipt) {
        int dot = receipt == null || receipt.length() > 2 * MAX_TOKEN ? -1 : receipt.lastIndexOf('.');
        if (dot < 1) {
            return null;
        }
        String reportId = receipt.substring(0, dot);
        boolean ours = MessageDigest.isEqual(receipt(reportId).getBytes(StandardCharsets.UTF_8),
                receipt.getBytes(StandardCharsets.UTF_8));
        return ours ? reportId : null;
    }

    Verdict check(String slug, String token, HttpServletRequest request) {
        if (!sameOrigin(request)) {
            return Verdict.CROSS_SITE;
        }
        int dot = token == null || token.length() > MAX_TOKEN ? -1 : token.indexOf('.');
        if (dot < 1) {
            return Verdict.FORGED;
        }
        long expires;
        byte[] given;
        try {
            expires = Long.parseLong(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException malformed) {
            return Verdict.FORGED;
        }
        if (!MessageDigest.isEqual(given, formMac(slug, expires))) {
            return Verdict.FORGED;
        }
        return clock.instant().getEpochSecond() < expires ? Verdict.ACCEPTED : Verdict.EXPIRED;
    }

    /** Sec-Fetch-Site when the browser sends it; else Origin when it sends that; else nothing to go by. */
    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        return origin == null || origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** This site as a browser names it in {@code Origin} (the scheme and port Tomcat was told by our proxy). */
    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean usual = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port);
    }

    private byte[] formMac(String slug, long expires) {
        return mac("reader-form\n" + slug.toLowerCase(Locale.ROOT) + "\n" + expires);
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
