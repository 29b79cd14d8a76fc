package com.imprimatur.security;

import com.imprimatur.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After an administrator reset someone's password, that person may do one thing: choose a new one.
 * Their pages lead to {@code /password}; their API calls answer 403 {@code password-change-required}.
 * Runs after Spring Security (a plain servlet filter, so it sees the authentication of either chain);
 * the mark is an authority given at login ({@link AppUserDetailsService}) and dropped by {@link PasswordPage}.
 */
@Component
public class PasswordChangeGate extends OncePerRequestFilter {

    public static final String MUST_CHANGE = "PASSWORD_CHANGE_REQUIRED";
    public static final String PAGE = "/password";
    private static final List<String> OPEN = List.of(PAGE, "/logout", "/login", "/css/", "/js/", "/error", "/favicon.ico", "/public/");

    private final ProblemWriter problems;

    PasswordChangeGate(ProblemWriter problems) {
        this.problems = problems;
    }

    public static boolean mustChange(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> MUST_CHANGE.equals(a.getAuthority()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!mustChange(SecurityContextHolder.getContext().getAuthentication()) || OPEN.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/api/") || path.startsWith("/camunda/api/")) {
            problems.write(response, HttpStatus.FORBIDDEN, "password-change-required", "Password change required",
                    "An administrator reset your password: sign in on " + PAGE + " and choose a new one; until then nothing else is allowed.");
        } else {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + PAGE);
        }
    }
}
