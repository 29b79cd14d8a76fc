package com.imprimatur.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The response headers of every answer, pages and API alike. Spring Security's defaults stay
 * (nosniff, X-Frame-Options DENY, no-store caching of authenticated answers, HSTS over HTTPS); on
 * top: a Content-Security-Policy that allows scripts, styles, fonts and images from this origin
 * only (no inline script or style, no eval), forms posting only here, no framing; no referrer
 * leaving the site; no camera, microphone or location.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static <H extends org.springframework.security.config.annotation.web.HttpSecurityBuilder<H>> Customizer<HeadersConfigurer<H>> all() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()"));
    }
}
