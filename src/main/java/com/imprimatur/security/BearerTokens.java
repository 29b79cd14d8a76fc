package com.imprimatur.security;

import com.imprimatur.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer imp_…} in the API clients' chain: the token's owner with their
 * current roles, or 401 problem JSON at once (a wrong, revoked or expired token, a disabled owner).
 * Other schemes pass on to HTTP Basic. Never a password check, never the login throttle.
 */
final class BearerTokens extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemWriter problems;

    BearerTokens(ApiTokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Bearer> bearer = tokens.authenticate(header.substring(7).strip());
        if (bearer.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Imprimatur\", error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "invalid-token", "Not logged in",
                    "The token is unknown, revoked or expired, or its owner is disabled: create a new one on /me.");
            return;
        }
        ApiTokens.Bearer who = bearer.get();
        var authorities = who.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(who.owner(), null, authorities);
        authentication.setDetails("token:" + who.tokenId());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
