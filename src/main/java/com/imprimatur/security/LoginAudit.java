package com.imprimatur.security;

import com.imprimatur.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records successful logins into a browser session. API clients send HTTP Basic credentials with
 * every request, each an authentication: those are not recorded (their failures are, by
 * {@link ThrottledLogin}).
 */
@Component
class LoginAudit {

    private final AuditTrail audit;

    LoginAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        if (request.getHeader("Authorization") != null) {
            return;
        }
        audit.recordAs(event.getAuthentication().getName(), "login.succeeded", null, null, Map.of("method", "form"));
    }
}
