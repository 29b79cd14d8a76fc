package com.imprimatur.security;

import com.imprimatur.identity.UserName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of staff, as the shared session store knows them ({@link SharedSessions}).
 * Ending a user's sessions marks them expired in MariaDB; the next request on one of them, on any
 * node, is logged out (ConcurrentSessionFilter, in both filter chains).
 */
@Component
class StaffSessions {

    private final SessionRegistry registry;

    StaffSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** A browser session of someone: when it was last used (its id is never shown). */
    public record OpenSession(Instant lastRequest) {
    }

    /**
     * The open sessions of {@code username}, most recently used first. The one place that reads the
     * listing: a shared session store answers it here.
     */
    List<OpenSession> openSessionsOf(String username) {
        List<OpenSession> open = new ArrayList<>();
        // the shared store finds sessions by the canonical name of their principal, on every node
        for (SessionInformation session : registry.getAllSessions(UserName.canonical(username), false)) {
            open.add(new OpenSession(session.getLastRequest().toInstant()));
        }
        open.sort(Comparator.comparing(OpenSession::lastRequest).reversed());
        return open;
    }

    /** Ends every session of the user but the one named {@code keep} (the caller's own, after a password change). */
    int endAllOf(String username, String keep) {
        int ended = 0;
        // sessions are indexed by the canonical name of their principal
        for (SessionInformation session : registry.getAllSessions(UserName.canonical(username), false)) {
            if (session.getSessionId().equals(keep)) {
                continue;
            }
            session.expireNow();
            ended++;
        }
        return ended;
    }
}
