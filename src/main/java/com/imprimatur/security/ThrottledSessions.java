package com.imprimatur.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The shared session store, writing a session's last access at most once per {@code touchEvery}.
 *
 * <p>Spring Session marks a session changed on every request (its last access time) and saves it:
 * one transaction with an {@code UPDATE} of the session's row per request. Here a session carries
 * the last access that was written until {@code touchEvery} has passed since it; a request that
 * changes nothing else writes nothing and opens no transaction. Whatever else changes (an attribute,
 * the "ended" mark {@link StaffSessions} sets, the id at login, the inactive interval) is saved as
 * before, with the latest access time along with it.
 *
 * <p>The price: the stored last access (and so the expiry time the clean-up job and every node read)
 * may lag the real last request by up to {@code touchEvery}. A session idle for its whole maximum
 * inactive interval still expires; one idle for a little less may expire up to {@code touchEvery}
 * early. Never later.
 *
 * <p>Within one request ({@link OneRequest}), a session is read from the database once: Spring
 * Session asks for it again after saving it (to decide whether to send the cookie), and gets the
 * copy the request already holds. The next request reads it afresh, so a session ended on another
 * node meanwhile counts there.
 */
final class ThrottledSessions implements FindByIndexNameSessionRepository<Session> {

    /** The sessions the request on this thread has read or made, by id; null outside a request. */
    private static final ThreadLocal<Map<String, Throttled>> THIS_REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> store;
    private final Duration touchEvery;
    private final TransactionOperations writes;
    private final TransactionOperations reads;

    /** A store that brings its own transactions (as Spring Session's does by default): nothing added around its calls. */
    ThrottledSessions(FindByIndexNameSessionRepository<? extends Session> store, Duration touchEvery) {
        this(store, touchEvery, TransactionOperations.withoutTransaction(), TransactionOperations.withoutTransaction());
    }

    /**
     * A store that runs without transactions of its own, wrapped so that its writes (a session's row
     * and its attributes, several statements) run in {@code writes} and its reads (one statement, and
     * the delete of a session found expired) in {@code reads}, apart from any transaction the caller
     * has open. Every session handed to the store's {@code save} is one it made or found itself.
     */
    @SuppressWarnings("unchecked")
    ThrottledSessions(FindByIndexNameSessionRepository<? extends Session> store, Duration touchEvery, TransactionOperations writes,
            TransactionOperations reads) {
        this.store = (FindByIndexNameSessionRepository<Session>) store;
        this.touchEvery = touchEvery;
        this.writes = writes;
        this.reads = reads;
    }

    @Override
    public Session createSession() {
        return held(new Throttled(store.createSession(), true));
    }

    @Override
    public void save(Session session) {
        if (session instanceof Throttled throttled) {
            throttled.saveIfChanged();
        } else {
            writes.executeWithoutResult(status -> store.save(session));
        }
    }

    @Override
    public Session findById(String id) {
        Map<String, Throttled> held = THIS_REQUEST.get();
        Throttled session = held == null ? null : held.get(id);
        if (session != null && session.getId().equals(id)) {
            return session.isExpired() ? null : session;
        }
        Session found = reads.execute(status -> store.findById(id));
        return found == null ? null : held(new Throttled(found, false));
    }

    @Override
    public void deleteById(String id) {
        Map<String, Throttled> held = THIS_REQUEST.get();
        if (held != null) {
            held.remove(id);
        }
        writes.executeWithoutResult(status -> store.deleteById(id));
    }

    private static Throttled held(Throttled session) {
        Map<String, Throttled> held = THIS_REQUEST.get();
        if (held != null) {
            held.put(session.getId(), session);
        }
        return session;
    }

    /**
     * Marks one request on its thread, outside Spring Session's own filter, so that what the request
     * read of its session is forgotten when it ends, whatever happens.
     */
    static final class OneRequest extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            within(() -> {
                chain.doFilter(request, response);
                return null;
            });
        }

        /** Runs {@code work} as one request: a session is read from the store at most once within it. */
        static <T> T within(Work<T> work) throws ServletException, IOException {
            Map<String, Throttled> outer = THIS_REQUEST.get();
            THIS_REQUEST.set(new HashMap<>());
            try {
                return work.run();
            } finally {
                if (outer == null) {
                    THIS_REQUEST.remove();
                } else {
                    THIS_REQUEST.set(outer);
                }
            }
        }

        interface Work<T> {
            T run() throws ServletException, IOException;
        }
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Session> found = new LinkedHashMap<>();
        reads.execute(status -> store.findByIndexNameAndIndexValue(indexName, indexValue))
                .forEach((id, s) -> found.put(id, new Throttled(s, false)));
        return found;
    }

    /** One request's view of a session: the store's session, told of a new access only when it is due. */
    private final class Throttled implements Session {

        private final Session session;
        private boolean changed;
        private Instant accessed;

        Throttled(Session session, boolean isNew) {
            this.session = session;
            this.changed = isNew;
        }

        void saveIfChanged() {
            if (!changed) {
                return;
            }
            if (accessed != null && accessed.isAfter(session.getLastAccessedTime())) {
                session.setLastAccessedTime(accessed);
            }
            writes.executeWithoutResult(status -> store.save(session));
            changed = false;
            accessed = null;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (changed || !lastAccessedTime.isBefore(session.getLastAccessedTime().plus(touchEvery))) {
                session.setLastAccessedTime(lastAccessedTime);
                changed = true;
            } else {
                accessed = lastAccessedTime;
            }
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
            changed = true;
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
            changed = true;
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
            changed = true;
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return session.changeSessionId();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
