package com.imprimatur.security;

import com.imprimatur.audit.AuditTrail;
import com.imprimatur.identity.UserName;
import java.time.Duration;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one authentication provider of both filter chains (form login and HTTP Basic): the user
 * store with its password hashes, behind the {@link LoginThrottle}. Every failed login is an audit
 * event; successful interactive logins are recorded by {@link LoginAudit}.
 */
@Component
class ThrottledLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider users;
    private final LoginThrottle throttle;
    private final AuditTrail audit;

    ThrottledLogin(AppUserDetailsService details, PasswordEncoder passwords, LoginThrottle throttle, AuditTrail audit) {
        this.users = new DaoAuthenticationProvider(details);
        this.users.setPasswordEncoder(passwords);
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = UserName.canonical(attempt.getName());
        Duration lockedFor = throttle.attempt(name);
        if (!lockedFor.isZero()) {
            throw new LoginThrottled(lockedFor);
        }
        try {
            Authentication done = users.authenticate(attempt);
            throttle.succeeded(name);
            return done;
        } catch (AuthenticationException e) {
            String actor = name.isBlank() ? AuditTrail.READER : name.length() > 190 ? name.substring(0, 190) : name;
            audit.recordAs(actor, "login.failed", null, null, Map.of("reason", reason(e)));
            Duration locked = throttle.failed(name);
            if (locked != null) {
                audit.recordAs(actor, "login.locked", null, null, Map.of("lockedForSeconds", locked.toSeconds()));
            }
            throw e;
        }
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof DisabledException) {
            return "disabled";
        }
        if (e instanceof BadCredentialsException) {
            return "bad-credentials";
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
