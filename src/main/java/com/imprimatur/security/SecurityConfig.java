package com.imprimatur.security;

import com.imprimatur.problem.ProblemWriter;
import com.imprimatur.staff.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;

/**
 * One identity store for everything. {@code /api/**} takes HTTP Basic (API clients, a stateless
 * chain of their own) or the browser session, and answers 401/403 as problem JSON; pages use form
 * login. CSRF protects every browser request; a request with an {@code Authorization} header is
 * judged by that header alone and never by a session, so CSRF has nothing to protect there.
 * Readers (the public API and pages) have chains of their own that keep no state: no session, no
 * CSRF token; their forms carry a signed token instead (web.site.ReaderForms).
 *
 * <p>Issue 6 (hardening) added, in both chains and marked "issue 6": the session registry (an
 * admin disabling a user ends their sessions at once, on every node: {@link SharedSessions}), the security headers with the
 * Content-Security-Policy ({@link SecurityHeaders}), and 429 for throttled logins
 * ({@link ThrottledLogin}, the one authentication provider). Session ids are renewed at login
 * (Spring Security's default, change-session-id); the absolute session timeout is {@link SessionLifetime}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Issue 16: no observations of the security chain. Their recording was already off
     * ({@code management.observations.enable.spring.security=false}), yet every filter of every request
     * was still wrapped to observe it (about 2 % of the request threads' CPU); without these settings
     * Spring Security wraps the chain whenever an observation registry exists.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
                        HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Readers may read published articles and send reports and votes.")));
        return keepingNoState(http).build();
    }

    /**
     * The readers' pages ({@code /public/**}: the article, its feedback and helpful forms, the
     * withdrawn notice, and the error page of any of them): as stateless as the readers' API, so
     * that no anonymous GET or post makes a session or sets a cookie. No security context is read
     * or saved (a member of staff reading the page keeps their session as it was), no request cache,
     * no CSRF token (it would live in a session): the forms carry a signed token of their own and
     * refuse posts from other sites (web.site.ReaderForms). Nothing here needs a login.
     */
    @Bean
    @Order(0)
    SecurityFilterChain readersPages(HttpSecurity http) throws Exception {
        http.securityMatcher(READERS_PAGES)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return keepingNoState(http).build();
    }

    /** Readers' chains: no session made or read, no CSRF token, no request cache, no authentication; the headers. */
    private static HttpSecurity keepingNoState(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .servletApi(api -> api.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityHeaders.all());
    }

    /** A path under {@code /public/}, also when the container forwards its failure to {@code /error}. */
    private static final RequestMatcher READERS_PAGES = request -> {
        Object failed = request.getDispatcherType() == DispatcherType.ERROR
                ? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : null;
        String uri = failed instanceof String original ? original : request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/public/");
    };

    /**
     * API clients that bring their own credentials: any request to the API with an
     * {@code Authorization} header is judged by that header alone. The chain is stateless (it
     * neither reads nor makes a session), so a page cannot borrow a browser session by adding some
     * header, and there is nothing for CSRF to protect: valid credentials or 401.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiClients(HttpSecurity http, ProblemWriter problems, ApiTokens tokens) throws Exception {
        RequestMatcher withCredentials = request -> request.getHeader("Authorization") != null;
        http.securityMatcher(request -> API.matches(request) && withCredentials.matches(request));
        apiRules(http, problems)
                // API tokens (Authorization: Bearer imp_…): no password check, no login throttle
                .addFilterBefore(new BearerTokens(tokens, problems), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
        return http.build();
    }

    /** The API as the browser session calls it: CSRF applies to every change. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, SessionRegistry sessions) throws Exception {
        http.securityMatcher(API);
        apiRules(http, problems)
                // issue 6: a session ended by an admin (or expired) answers 401 on its next API call
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredSessionStrategy(event -> problems.write(event.getResponse(), HttpStatus.UNAUTHORIZED,
                                "session-ended", "Session ended", "Your session was ended; log in again.")));
        return http.build();
    }

    private static final RequestMatcher API = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/engine-rest/")
                || path.equals("/api") || path.equals("/actuator") || path.equals("/engine-rest");
    };

    /** Who may call what on the API, and how refusals are answered; shared by both API chains. */
    private static HttpSecurity apiRules(HttpSecurity http, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof LoginThrottled throttled) { // issue 6: login throttling
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "Too many failed logins",
                        throttled.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Imprimatur\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not logged in",
                    "Log in, or send HTTP Basic credentials or an API token (Authorization: Bearer imp_…).");
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            // the security context, not the request's principal: CSRF is checked before the request is wrapped
            org.springframework.security.core.Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            boolean anonymous = auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
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
        return http.authorizeHttpRequests(auth -> auth
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
                .headers(SecurityHeaders.all());
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        // the OpenAPI description is public (it says nothing a client may not know);
                        // Swagger UI (/api-docs, then /swagger-ui/**) is for staff
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll()
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
