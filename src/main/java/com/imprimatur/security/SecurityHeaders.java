package com.imprimatur.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The response headers of every answer, pages and API alike. Spring Security's defaults stay
 * (nosniff, X-Frame-Options DENY, no-store caching of authenticated answers, HSTS over HTTPS); on
 * top: a Content-Security-Policy that allows scripts, styles, fonts and images from this origin
 * only (no inline script or style, no eval), forms posting only here, no framing; no referrer
 * leaving the site; no camera, microphone or location.
 *
 * <p>The one exception: the Camunda webapps ({@code /camunda/app/**}, {@code /camunda/api/**}, admins
 * only) need inline scripts and styles and eval (AngularJS). There Camunda's own filter sets its
 * Content-Security-Policy (a nonce for its scripts, inline styles, {@code 'unsafe-eval'}, sandboxed,
 * no framing) and ours is not written, since a browser would enforce both and the webapps would not run.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Where Camunda's webapp filters write their own Content-Security-Policy. */
    static final RequestMatcher CAMUNDA_WEBAPPS = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/camunda/app/") || path.startsWith("/camunda/api/");
    };

    private SecurityHeaders() {
    }

    static <H extends org.springframework.security.config.annotation.web.HttpSecurityBuilder<H>> Customizer<HeadersConfigurer<H>> all() {
        return headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !CAMUNDA_WEBAPPS.matches(request),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()"));
    }
}
