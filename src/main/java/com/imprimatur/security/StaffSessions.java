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
        int ended = 0;
        // sessions are indexed by the canonical name of their principal
        for (SessionInformation session : registry.getAllSessions(UserName.canonical(username), false)) {
            session.expireNow();
            ended++;
        }
        return ended;
    }
}
