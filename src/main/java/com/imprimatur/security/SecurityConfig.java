package com.imprimatur.security;

import com.imprimatur.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One identity store for everything. {@code /api/**} takes HTTP Basic (API clients) or the
 * browser session, and answers 401/403 as problem JSON; pages use form login. CSRF protects every
 * browser request; a request that carries its own credentials (Basic) cannot be forged by a page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Imprimatur\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not logged in",
                    "Log in, or send HTTP Basic credentials.");
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            boolean anonymous = request.getUserPrincipal() == null;
            if (e instanceof CsrfException && anonymous) {
                // a request without credentials is first of all not logged in
                unauthenticated.commence(request, response, new InsufficientAuthenticationException(e.getMessage()));
            } else if (e instanceof CsrfException) {
                problems.write(response, HttpStatus.FORBIDDEN, "csrf", "Not allowed",
                        "The CSRF token is missing or stale: reload the page, or send HTTP Basic credentials.");
            } else {
                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this.");
            }
        };
        RequestMatcher withOwnCredentials = request -> request.getHeader("Authorization") != null;
        http.securityMatcher("/api/**", "/actuator/**", "/engine-rest/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/public/**").permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        // The engine's REST API is not served at all; should it ever be, only admins pass.
                        .requestMatchers("/engine-rest/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                // API clients are not redirected to a login page, so there is no request to remember
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .csrf(csrf -> csrf.ignoringRequestMatchers(withOwnCredentials,
                        request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/public/")));
        return http.build();
    }

    /**
     * What pages may load: only this site's own scripts, styles and images; no inline script or
     * style, no plugins, no framing, forms post only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/public/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/camunda/**", "/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }
}
