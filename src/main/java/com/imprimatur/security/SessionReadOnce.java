package com.imprimatur.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Date;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The shared session registry, without reading a session twice in one request. Spring Session has
 * already loaded the caller's session from MariaDB when Spring Security's {@code ConcurrentSessionFilter}
 * asks the registry about it; the registry would load it again (one more query on every request of a
 * session). Asked about the session this request carries, this answers from that loaded copy: the
 * same row, read a moment earlier in the same request, with the same "ended" mark that
 * {@link StaffSessions} sets on any node. Every other question goes to the shared registry.
 */
final class SessionReadOnce implements SessionRegistry {

    /** The attribute with which Spring Session's registry marks a session ended (its own constant). */
    static final String ENDED = "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";
    private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

    private final SessionRegistry shared;

    SessionReadOnce(SessionRegistry shared) {
        this.shared = shared;
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        HttpSession loaded = thisRequestsSession();
        if (loaded == null || !loaded.getId().equals(sessionId)) {
            return shared.getSessionInformation(sessionId);
        }
        Object context = loaded.getAttribute(SECURITY_CONTEXT);
        Authentication auth = context instanceof SecurityContext c ? c.getAuthentication() : null;
        if (auth == null) {
            return shared.getSessionInformation(sessionId);
        }
        SessionInformation info = new SessionInformation(auth.getName(), sessionId, new Date(loaded.getLastAccessedTime()));
        if (Boolean.TRUE.equals(loaded.getAttribute(ENDED))) {
            info.expireNow();
        }
        return info;
    }

    private static HttpSession thisRequestsSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            try {
                return request.getSession(false);
            } catch (IllegalStateException e) {
                return null;
            }
        }
        return null;
    }

    @Override
    public List<Object> getAllPrincipals() {
        return shared.getAllPrincipals();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return shared.getAllSessions(principal, includeExpiredSessions);
    }

    @Override
    public void refreshLastRequest(String sessionId) {
        shared.refreshLastRequest(sessionId);
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        shared.registerNewSession(sessionId, principal);
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        shared.removeSessionInformation(sessionId);
    }
}
