package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imprimatur.support.Api;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.SessionClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions write their last access at most once per {@code touch-every}; everything they promised
 * before still holds: an idle session expires, an active one lives on, a changed attribute is saved.
 */
class ThrottledSessionsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SessionRepository<?> sessionStore;

    /** Spring Session's own JDBC store on the same tables, for throttles shorter than the product's minute. */
    JdbcIndexedSessionRepository store;

    @BeforeEach
    void setUp() {
        store = new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate(transactions));
    }

    @Test
    void everySessionGoesThroughTheThrottle() {
        assertThat(sessionStore).isInstanceOf(ThrottledSessions.class);
        // and the JDBC store under it runs no transaction of its own (a commit per request's read); the wrapper brings them
        Object jdbcStore = ReflectionTestUtils.getField(sessionStore, "store");
        assertThat(jdbcStore).isInstanceOf(JdbcIndexedSessionRepository.class);
        assertThat(ReflectionTestUtils.getField(jdbcStore, "transactionOperations")).isSameAs(TransactionOperations.withoutTransaction());
        // and reads its attributes through SessionAttributes: the same context's bytes, read twice, give one kept principal
        ConversionService conversions = (ConversionService) ReflectionTestUtils.getField(jdbcStore, "conversionService");
        var authentication = UsernamePasswordAuthenticationToken.authenticated(new String("editor"), null, List.of(new SimpleGrantedAuthority("ROLE_EDITOR")));
        Object bytes = conversions.convert(new SecurityContextImpl(authentication), TypeDescriptor.valueOf(Object.class),
                TypeDescriptor.valueOf(byte[].class));
        SecurityContext first = (SecurityContext) conversions.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
        SecurityContext second = (SecurityContext) conversions.convert(bytes, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
        assertThat(first).isNotSameAs(second);
        assertThat(first.getAuthentication().getPrincipal()).isSameAs(second.getAuthentication().getPrincipal());
    }

    @Test
    void requestsThatChangeNothingWriteNothingWithinTheMinute() {
        String name = "touch" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", name);
        user.put("displayName", "Test " + name);
        user.put("roles", List.of("WRITER"));
        user.put("password", "correct horse battery");
        assertThat(api().post("admin", "/api/admin/users", user).status()).isEqualTo(201);
        SessionClient browser = new SessionClient(port);
        assertThat(browser.login(name, "correct horse battery").statusCode()).isEqualTo(302);
        long written = lastAccess(name);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/api/articles").statusCode()).isEqualTo(200);
        }
        assertThat(lastAccess(name)).isEqualTo(written);
        // the session is still the one every node reads: ending it ends it at the next request
        assertThat(Api.at(port).send("admin", java.net.http.HttpRequest.newBuilder(Api.at(port).uri("/api/admin/users/" + name))
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":false}"))).status()).isEqualTo(200);
        assertThat(browser.get("/api/articles").statusCode()).isEqualTo(401);
    }

    @Test
    void anActiveSessionLivesOnAndAnIdleOneExpiresWithinItsIntervalLessTheThrottle() throws InterruptedException {
        Duration touchEvery = Duration.ofSeconds(1);
        Duration maxInactive = Duration.ofSeconds(4);
        ThrottledSessions sessions = new ThrottledSessions(store, touchEvery);
        Session created = sessions.createSession();
        created.setMaxInactiveInterval(maxInactive);
        sessions.save(created);
        String id = created.getId();

        // requests every 200 ms for longer than the inactive interval: the session lives, written about once a second
        Instant until = Instant.now().plus(maxInactive).plusMillis(1500);
        int requests = 0;
        Instant lastRequest = Instant.now();
        java.util.Set<Long> written = new java.util.HashSet<>();
        while (Instant.now().isBefore(until)) {
            Session s = sessions.findById(id);
            assertThat(s).as("an active session stays").isNotNull();
            lastRequest = Instant.now();
            s.setLastAccessedTime(lastRequest);
            sessions.save(s);
            requests++;
            written.add(storedLastAccess(id));
            Thread.sleep(200);
        }
        assertThat(requests).isGreaterThan(20);
        assertThat(written.size()).as("writes of the last access").isBetween(4, 8);

        // idle: still there a little before the interval less the throttle, gone once the interval has passed
        sleepUntil(lastRequest.plus(maxInactive).minus(touchEvery).minusMillis(500));
        assertThat(sessions.findById(id)).as("idle for less than its interval less the throttle").isNotNull();
        sleepUntil(lastRequest.plus(maxInactive).plusMillis(100));
        assertThat(sessions.findById(id)).as("idle for its whole interval").isNull();
    }

    @Test
    void aChangedAttributeIsSavedAtOnceWithTheLatestAccess() {
        ThrottledSessions sessions = new ThrottledSessions(store, Duration.ofMinutes(1));
        Session created = sessions.createSession();
        sessions.save(created);
        long first = storedLastAccess(created.getId());

        Session again = sessions.findById(created.getId());
        Instant now = Instant.ofEpochMilli(first).plusSeconds(5);
        again.setLastAccessedTime(now);
        sessions.save(again);
        assertThat(storedLastAccess(created.getId())).as("an access alone within the minute").isEqualTo(first);

        Session third = sessions.findById(created.getId());
        third.setLastAccessedTime(now);
        third.setAttribute("note", "kept");
        sessions.save(third);
        Session read = sessions.findById(created.getId());
        assertThat((String) read.getAttribute("note")).isEqualTo("kept");
        assertThat(storedLastAccess(created.getId())).isEqualTo(now.toEpochMilli());

        read.removeAttribute("note");
        sessions.save(read);
        assertThat((Object) sessions.findById(created.getId()).getAttribute("note")).isNull();
        sessions.deleteById(created.getId());
    }

    @Test
    void withinOneRequestASessionIsReadOnceAndTheNextRequestReadsItAfresh() throws Exception {
        int[] reads = new int[1];
        // the real JDBC store, with its reads counted
        FindByIndexNameSessionRepository<Session> counting = new FindByIndexNameSessionRepository<>() {
            @Override
            public Session createSession() {
                return store.createSession();
            }

            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public void save(Session session) {
                ((SessionRepository) store).save(session);
            }

            @Override
            public Session findById(String id) {
                reads[0]++;
                return store.findById(id);
            }

            @Override
            public void deleteById(String id) {
                store.deleteById(id);
            }

            @Override
            public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
                return new LinkedHashMap<>(store.findByIndexNameAndIndexValue(indexName, indexValue));
            }
        };
        ThrottledSessions sessions = new ThrottledSessions(counting, Duration.ofMinutes(1));
        Session created = sessions.createSession();
        sessions.save(created);
        String id = created.getId();

        ThrottledSessions.OneRequest.within(() -> {
            Session first = sessions.findById(id);
            first.setLastAccessedTime(Instant.now());
            sessions.save(first);
            // as Spring Session does after saving, to decide on the cookie
            assertThat(sessions.findById(id)).isSameAs(first);
            return null;
        });
        assertThat(reads[0]).as("reads of the store in one request").isEqualTo(1);

        // between two requests another node marks the session: the next request sees the mark
        Session elsewhere = counting.findById(id);
        elsewhere.setAttribute("mark", "set on another node");
        counting.save(elsewhere);
        reads[0] = 1;
        String seen = ThrottledSessions.OneRequest.within(() -> sessions.findById(id).getAttribute("mark"));
        assertThat(seen).isEqualTo("set on another node");
        assertThat(reads[0]).isEqualTo(2);

        // outside a request (a job, the clean-up) nothing is held
        sessions.findById(id);
        sessions.findById(id);
        assertThat(reads[0]).isEqualTo(4);

        // a session deleted within the request is gone for the rest of it
        ThrottledSessions.OneRequest.within(() -> {
            assertThat(sessions.findById(id)).isNotNull();
            sessions.deleteById(id);
            assertThat(sessions.findById(id)).isNull();
            return null;
        });
    }

    /**
     * The store reads without a transaction of its own (one statement each), so its writes must bring
     * their own: a session whose attribute cannot be stored leaves no row behind, on the product's store.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aSessionThatCannotBeStoredWholeIsNotStoredAtAll() {
        SessionRepository<Session> product = (SessionRepository) sessionStore;
        Session session = product.createSession();
        session.setAttribute("fine", "a string");
        session.setAttribute("unstorable", new Object()); // not serialisable: fails after the session's row is inserted
        assertThatThrownBy(() -> product.save(session)).isInstanceOf(RuntimeException.class);
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where SESSION_ID = ?", Integer.class, session.getId()))
                .as("the session's row, inserted before its attributes failed").isZero();
    }

    private long lastAccess(String principal) {
        return jdbc.queryForObject("select LAST_ACCESS_TIME from SPRING_SESSION where PRINCIPAL_NAME = ?", Long.class, principal);
    }

    private long storedLastAccess(String sessionId) {
        return jdbc.queryForObject("select LAST_ACCESS_TIME from SPRING_SESSION where SESSION_ID = ?", Long.class, sessionId);
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long wait = Duration.between(Instant.now(), moment).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Issue 16: the security chains run unwrapped (no observation of every filter of every request). */
    @Test
    void theSecurityChainsAreNotWrappedForObservation() {
        // the bean wraps composites that hand their settings to the FilterChainProxy they hold
        java.util.List<Object> proxies = new java.util.ArrayList<>();
        java.util.Deque<Object> toVisit = new java.util.ArrayDeque<>(List.of(context.getBean("springSecurityFilterChain")));
        while (!toVisit.isEmpty()) {
            Object next = toVisit.pop();
            if (next.getClass() == org.springframework.security.web.FilterChainProxy.class) {
                proxies.add(next);
            }
            org.springframework.util.ReflectionUtils.doWithFields(next.getClass(), field -> {
                field.setAccessible(true);
                if (field.get(next) instanceof org.springframework.security.web.FilterChainProxy inner && inner != next) {
                    toVisit.push(inner);
                }
            });
        }
        assertThat(proxies).isNotEmpty();
        for (Object proxy : proxies) {
            assertThat(ReflectionTestUtils.getField(proxy, "filterChainDecorator"))
                    .isNotInstanceOf(org.springframework.security.web.ObservationFilterChainDecorator.class);
        }
    }
}
