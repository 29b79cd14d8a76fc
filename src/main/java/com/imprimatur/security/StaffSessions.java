package com.imprimatur.security;

import com.imprimatur.identity.UserName;
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

    int endAllOf(String username) {
        return endAllOf(username, null);
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
