package com.imprimatur.security;

import com.imprimatur.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * One identity store for everything. {@code /api/**} takes HTTP Basic (API clients) or the
 * browser session, and answers 401/403 as problem JSON; pages use form login. CSRF protects every
 * browser request; a request that carries its own credentials (Basic) cannot be forged by a page.
 *
 * <p>Issue 6 (hardening) added, in both chains and marked "issue 6": the session registry (an
 * admin disabling a user ends their sessions at once), the security headers with the
 * Content-Security-Policy ({@link SecurityHeaders}), and 429 for throttled logins
 * ({@link ThrottledLogin}, the one authentication provider). Session ids are renewed at login
 * (Spring Security's default, change-session-id); the absolute session timeout is {@link SessionLifetime}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Issue 6: the sessions of every user, so that disabling one ends their sessions ({@link StaffSessions}). */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Issue 6: tells the session registry when the container ends a session. */
    @Bean
    ServletListenerRegistrationBean<HttpSessionEventPublisher> sessionEvents() {
        return new ServletListenerRegistrationBean<>(new HttpSessionEventPublisher());
    }

    /**
     * Issue 5: readers' API. Readers send no credentials and nothing here reads or makes a session,
     * so the chain is stateless and short: no session, no CSRF token (there is no session to ride
     * on), no authentication, only the security headers. Rate limits come earlier, from ReaderLimits.
     */
    @Bean
    @Order(0)
    SecurityFilterChain readers(HttpSecurity http, ProblemWriter problems) throws Exception {
        // what readers may do, and nothing else: a path added here later is refused until it is listed
        http.securityMatcher("/api/public/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/public/articles/*").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/public/articles/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/public/articles/*/feedback", "/api/public/articles/*/helpful").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> problems.write(response,
                        HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Readers may read published articles and send reports and votes.")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .servletApi(api -> api.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityHeaders.all());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, SessionRegistry sessions) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof LoginThrottled throttled) { // issue 6: login throttling
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "Too many failed logins",
                        throttled.getMessage());
                return;
            }
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
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/sources").hasRole(Role.EDITOR.name())
                        // The engine's REST API is not served at all; should it ever be, only admins pass.
                        .requestMatchers("/engine-rest/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                // API clients are not redirected to a login page, so there is no request to remember
                .requestCache(cache -> cache.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .csrf(csrf -> csrf.ignoringRequestMatchers(withOwnCredentials))
                // issue 6: a session ended by an admin (or expired) answers 401 on its next API call
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredSessionStrategy(event -> problems.write(event.getResponse(), HttpStatus.UNAUTHORIZED,
                                "session-ended", "Session ended", "Your session was ended; log in again.")))
                .headers(SecurityHeaders.all());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/public/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        // issue 6: Camunda's first-admin setup would write users into its own tables; never needed here
                        .requestMatchers("/camunda/api/admin/setup/**").denyAll()
                        // the engine runs only our models (workflow.OnlyOurModels): none is deployed, redeployed or deleted here
                        .requestMatchers(HttpMethod.POST, "/camunda/api/engine/engine/*/deployment/**").denyAll()
                        .requestMatchers(HttpMethod.DELETE, "/camunda/api/engine/engine/*/deployment/**",
                                "/camunda/api/engine/engine/*/process-definition/**").denyAll()
                        // the Camunda webapps (workflow.CamundaWebapps signs the admin on from this session)
                        .requestMatchers("/camunda/**", "/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                // the webapps' REST calls carry Camunda's own CSRF token (X-XSRF-TOKEN, checked by its
                // CsrfPreventionFilter on /camunda/api/*), not ours; only admins get this far
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/api/**"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // issue 6: sessions registered (so an admin can end them) and renewed at login
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .headers(SecurityHeaders.all());
        return http.build();
    }
}
