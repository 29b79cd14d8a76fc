package com.imprimatur.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute session timeout: a session older than {@code imprimatur.session.absolute-timeout}
 * (default 8 hours) is ended, however active it was, before Spring Security reads it; the caller
 * must log in again. (The idle timeout is the container's: {@code server.servlet.session.timeout}.)
 * Runs just before the Spring Security filter chain.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class SessionLifetime extends OncePerRequestFilter {

    private volatile Duration absolute;

    SessionLifetime(@Value("${imprimatur.session.absolute-timeout:PT8H}") Duration absolute) {
        this.absolute = absolute;
    }

    /** For tests: a shorter lifetime, then back. */
    Duration absolute(Duration newLimit) {
        Duration before = absolute;
        absolute = newLimit;
        return before;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > absolute.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
