package com.imprimatur.security;

import com.imprimatur.identity.UserName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** A browser session of someone: when it was last used (its id is never shown). */
    public record OpenSession(Instant lastRequest) {
    }

    /**
     * The open sessions of {@code username}, most recently used first. The one place that reads the
     * listing: a shared session store answers it here.
     */
    List<OpenSession> openSessionsOf(String username) {
        List<OpenSession> open = new ArrayList<>();
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
            if (UserName.same(name, username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    open.add(new OpenSession(session.getLastRequest().toInstant()));
                }
            }
        }
        open.sort(Comparator.comparing(OpenSession::lastRequest).reversed());
        return open;
    }

    int endAllOf(String username) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
            if (UserName.same(name, username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
