package com.imprimatur.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed (or still unchecked) logins for this name: refused without checking the password. */
class LoginThrottled extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super(retryAfter.toSeconds() < 60 ? "Other logins to this name are being checked; try again in a few seconds."
                : "Too many failed logins; try again in " + retryAfter.toMinutes() + " minute(s).");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
