package com.imprimatur.security;

import com.imprimatur.identity.UserName;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of staff, as Spring Security's {@link SessionRegistry} knows them. Ending a
 * user's sessions marks them expired; the next request on one of them is logged out
 * (ConcurrentSessionFilter, in both filter chains).
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
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
            if (UserName.same(name, username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    if (session.getSessionId().equals(keep)) {
                        continue;
                    }
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
