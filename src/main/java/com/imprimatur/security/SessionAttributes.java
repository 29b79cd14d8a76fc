package com.imprimatur.security;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * How the shared session store writes a session's attributes to MariaDB and reads them back: Java
 * serialization, as Spring Session's own, except that what the reads of the security context and the
 * CSRF token make of their bytes is kept.
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
 * clears its authentication), so each read gets a context of its own around the kept authentication,
 * which nothing changes after the login that made it (a password change makes a new one). A CSRF
 * token cannot change. Any other attribute is read afresh each time.
 */
final class SessionAttributes implements Converter<byte[], Object> {

    static final int KEPT_MAX = 2048;

    private final DeserializingConverter reader;
    private final Map<Bytes, Object> kept = new ConcurrentHashMap<>();

    private SessionAttributes(ClassLoader loader) {
        this.reader = new DeserializingConverter(loader);
    }

    /** The store's conversions: serialization as Spring Session's own, reads through this class. */
    static GenericConversionService conversions(ClassLoader loader) {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, new SessionAttributes(loader));
        return conversions;
    }

    @Override
    public Object convert(byte[] source) {
        Bytes key = new Bytes(source);
        Object read = kept.get(key);
        if (read == null) {
            read = reader.convert(source);
            if (read != null && read.getClass() == SecurityContextImpl.class && ((SecurityContext) read).getAuthentication() != null) {
                read = new Context(((SecurityContext) read).getAuthentication());
            } else if (!(read instanceof DefaultCsrfToken)) {
                return read;
            }
            if (kept.size() >= KEPT_MAX) {
                kept.clear();
            }
            kept.put(key, read);
        }
        return read instanceof Context context ? new SecurityContextImpl(context.authentication()) : read;
    }

    /** A security context as kept: its authentication; each read gets a context of its own around it. */
    private record Context(Authentication authentication) {
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
