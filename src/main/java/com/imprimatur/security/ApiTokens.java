package com.imprimatur.security;

import com.imprimatur.audit.AuditTrail;
import com.imprimatur.identity.UserName;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: {@code imp_} and 43 characters of a 256-bit random secret. Only the SHA-256 of the
 * secret is stored; a bearer request is one indexed look-up by that digest (then compared in
 * constant time), with the owner's enabled flag and current roles in the same query, and no
 * password hashing. Creation and revocation are audited, and so is every attempt to use a revoked token.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "imp_";
    private static final int MAX_NAME = 100;
    private static final int MAX_DAYS = 3650;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    ApiTokens(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A token as its owner and admins see it: never the secret. */
    public record TokenView(long id, String owner, String name, String hint, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt, String revokedBy) {

        public boolean active() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
    }

    /** A new token, with its secret: shown once. */
    public record CreatedToken(long id, String name, String token, Instant expiresAt) {
    }

    /** Whom a valid token acts as. */
    record Bearer(long tokenId, String owner, Set<Role> roles) {
    }

    @Transactional
    public CreatedToken create(String owner, String name, Integer expiresInDays) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            String message = label.isEmpty() ? "name the token after the program that uses it" : "at most 100 characters";
            throw Problem.invalid("invalid-content", "name: " + message)
                    .with("errors", List.of(Map.of("field", "name", "message", message)));
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            throw Problem.invalid("invalid-content", "expiresInDays: 1 to 3650, or leave it out for a token that does not expire")
                    .with("errors", List.of(Map.of("field", "expiresInDays", "message", "1 to 3650")));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
        String username = UserName.canonical(owner);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var insert = c.prepareStatement("insert into api_token (owner, name, secret_hash, hint, created_at, expires_at) "
                    + "values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, username);
            insert.setString(2, label);
            insert.setBytes(3, digest(secret));
            insert.setString(4, secret.substring(0, 8));
            insert.setObject(5, utc(now));
            insert.setObject(6, expires == null ? null : utc(expires));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        audit.record("token.created", null, null, expires == null ? Map.of("tokenId", id, "owner", username, "name", label)
                : Map.of("tokenId", id, "owner", username, "name", label, "expiresAt", expires));
        return new CreatedToken(id, label, secret, expires);
    }

    @Transactional(readOnly = true)
    public List<TokenView> of(String owner) {
        return jdbc.query(SELECT + " where owner = ? order by created_at desc, id desc", ApiTokens::view, UserName.canonical(owner));
    }

    @Transactional(readOnly = true)
    public List<TokenView> all() {
        return jdbc.query(SELECT + " order by owner, created_at desc, id desc", ApiTokens::view);
    }

    /** The owner revokes one of theirs: 404 for another person's token (nobody learns it exists). */
    @Transactional
    public void revokeOwn(String owner, long id) {
        TokenView token = find(id).filter(t -> t.owner().equals(UserName.canonical(owner)))
                .orElseThrow(() -> Problem.notFound("Token " + id));
        revoke(token);
    }

    /**
     * Revokes every live token of the user: an administrator's password reset is the remedy for a
     * compromised account, and a token made with the stolen password must stop with it.
     */
    public int revokeAllOf(String owner, String by) {
        int revoked = jdbc.update("update api_token set revoked_at = ?, revoked_by = ? where owner = ? and revoked_at is null",
                utc(Instant.now()), by, owner);
        if (revoked > 0) {
            audit.record("token.revoked-all", null, null, Map.of("owner", owner, "tokens", revoked));
        }
        return revoked;
    }

    /** An admin revokes anyone's token. */
    @Transactional
    public void revokeAny(long id) {
        revoke(find(id).orElseThrow(() -> Problem.notFound("Token " + id)));
    }

    private void revoke(TokenView token) {
        if (token.revokedAt() != null) {
            return; // revoking twice changes nothing
        }
        String by = currentName();
        jdbc.update("update api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                utc(Instant.now()), by, token.id());
        audit.record("token.revoked", null, null, Map.of("tokenId", token.id(), "owner", token.owner(), "name", token.name()));
    }

    /**
     * The owner and current roles of a bearer secret; empty when the secret is unknown, revoked,
     * expired, or its owner is disabled. A revoked token's use is audited.
     */
    Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        byte[] presented = digest(secret);
        List<Found> found = jdbc.query("""
                select t.id, t.owner, t.name, t.secret_hash, t.expires_at, t.last_used_at, t.revoked_at,
                       u.enabled and not u.must_change_password,
                       (select group_concat(r.role) from app_user_role r where r.username = t.owner) as roles
                from api_token t join app_user u on u.username = t.owner
                where t.secret_hash = ?""", (rs, n) -> new Found(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                instant(rs, 5), instant(rs, 6), instant(rs, 7), rs.getBoolean(8), rs.getString(9)), (Object) presented);
        if (found.isEmpty() || !MessageDigest.isEqual(found.get(0).hash(), presented)) {
            return Optional.empty();
        }
        Found token = found.get(0);
        Instant now = Instant.now();
        if (token.revokedAt() != null) {
            audit.recordAs(token.owner(), "token.used-after-revocation", null, null,
                    Map.of("tokenId", token.id(), "name", token.name(), "revokedAt", token.revokedAt()));
            return Optional.empty();
        }
        if (!token.enabled() || token.expiresAt() != null && !token.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY))) {
            jdbc.update("update api_token set last_used_at = ? where id = ?", utc(now), token.id());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (token.roles() != null) {
            for (String role : token.roles().split(",")) {
                roles.add(Role.valueOf(role));
            }
        }
        return Optional.of(new Bearer(token.id(), token.owner(), roles));
    }

    private record Found(long id, String owner, String name, byte[] hash, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt, boolean enabled, String roles) {
    }

    private Optional<TokenView> find(long id) {
        return jdbc.query(SELECT + " where id = ?", ApiTokens::view, id).stream().findFirst();
    }

    private static final String SELECT = "select id, owner, name, hint, created_at, expires_at, last_used_at, revoked_at, revoked_by from api_token";

    private static TokenView view(ResultSet rs, int n) throws SQLException {
        return new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5), instant(rs, 6),
                instant(rs, 7), instant(rs, 8), rs.getString(9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String currentName() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? AuditTrail.SYSTEM : UserName.canonical(auth.getName());
    }

    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
