package com.imprimatur.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * How the shared session store writes a session's attributes to MariaDB and reads them back: Java
 * serialization, as Spring Session's own, except that what the read of a security context makes of its
 * bytes is kept.
 *
 * <p>Every request of a browser session reads its row from MariaDB (so a session ended or changed on
 * another node counts at once) and deserialises its security context from the bytes: Java
 * deserialisation of the context, its authentication, the user and the authorities took about 4 % of
 * a node's samples in the route bench (sessions). Those bytes change only when the context does (a
 * login, a password change), so the object read from them is kept, keyed by the bytes themselves
 * (their content, never a hash alone), at most {@value #KEPT_MAX} of them (past that the store starts
 * again). The row is still read on every request; only turning the same bytes into the same object
 * again is saved.
 *
 * <p>What is kept must not change under another request. A {@link SecurityContext} does (logging out
 * clears its authentication), and so could its authentication (its details and its authenticated flag
 * can be set), so each read gets a context and an authentication of its own, made of what the login
 * put in them: the user (whose credentials the login erased), the authorities and the login's details,
 * none of which changes after it (a password change makes a new context, so new bytes). Only a logged-in
 * {@link UsernamePasswordAuthenticationToken} (what a form login and a password change store) is kept;
 * any other attribute, the CSRF token among them, is read afresh each time.
 */
final class SessionAttributes implements Converter<byte[], Object> {

    static final int KEPT_MAX = 2048;

    private final DeserializingConverter reader;
    private final Map<Bytes, Login> kept = new ConcurrentHashMap<>();

    private SessionAttributes(ClassLoader loader) {
        this.reader = new DeserializingConverter(loader);
    }

    /** The store's conversions: serialization as Spring Session's own, reads through this class. */
    static GenericConversionService conversions(ClassLoader loader) {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, reader(loader));
        return conversions;
    }

    /** The reads alone. */
    static SessionAttributes reader(ClassLoader loader) {
        return new SessionAttributes(loader);
    }

    /** How many contexts are kept now. */
    int keptCount() {
        return kept.size();
    }

    @Override
    public Object convert(byte[] source) {
        Bytes key = new Bytes(source);
        Login login = kept.get(key);
        if (login == null) {
            Object read = reader.convert(source);
            if (!(read != null && read.getClass() == SecurityContextImpl.class
                    && ((SecurityContext) read).getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                    && token.getClass() == UsernamePasswordAuthenticationToken.class && token.isAuthenticated())) {
                return read;
            }
            login = new Login(token.getPrincipal(), token.getCredentials(), token.getAuthorities(), token.getDetails());
            if (kept.size() >= KEPT_MAX) {
                kept.clear();
            }
            kept.put(key, login);
        }
        return login.context();
    }

    /**
     * What a context's authentication was made of at the login (the user, the authorities, the login's
     * details: none of them changes after it); each read gets a context and an authentication of its own.
     */
    private record Login(Object principal, Object credentials, Collection<? extends GrantedAuthority> authorities, Object details) {
        SecurityContext context() {
            UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal, credentials, authorities);
            token.setDetails(details);
            return new SecurityContextImpl(token);
        }
    }

    /** A byte array compared by its content. */
    private static final class Bytes {
        private final byte[] content;
        private final int hash;

        Bytes(byte[] content) {
            this.content = content;
            this.hash = Arrays.hashCode(content);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes bytes && bytes.hash == hash && Arrays.equals(bytes.content, content);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
