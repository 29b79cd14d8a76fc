package com.imprimatur.security;

import com.imprimatur.staff.SignIns;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link SignIns} as HTTP security keeps them: the shared sessions, the API tokens, the login throttle. */
@Component
class HttpSignIns implements SignIns {

    private final StaffSessions sessions;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;

    HttpSignIns(StaffSessions sessions, ApiTokens tokens, LoginThrottle throttle) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    public List<OpenSession> openSessionsOf(String username) {
        return sessions.openSessionsOf(username).stream().map(s -> new OpenSession(s.lastRequest())).toList();
    }

    @Override
    public int endSessionsOf(String username, String keep) {
        return sessions.endAllOf(username, keep);
    }

    @Override
    public int revokeTokensOf(String username, String by) {
        return tokens.revokeAllOf(username, by);
    }

    @Override
    public Duration attempt(String username) {
        return throttle.attempt(username);
    }

    @Override
    public void failed(String username) {
        throttle.failed(username);
    }

    @Override
    public void succeeded(String username) {
        throttle.succeeded(username);
    }
}
