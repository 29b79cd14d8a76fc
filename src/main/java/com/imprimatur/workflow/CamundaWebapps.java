package com.imprimatur.workflow;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Camunda webapps (Cockpit, Admin, Tasklist) under {@code /camunda}, for admins, signed on from
 * our Spring Security session.
 *
 * <ul>
 * <li>Spring Security decides who reaches {@code /camunda/**}: admins only ({@code SecurityConfig}).
 * <li>Behind it, Camunda's {@link ContainerBasedAuthenticationFilter} with
 *     {@link SpringSessionAuthentication} puts the logged-in admin, with the groups of their roles,
 *     into Camunda's webapp session as the authenticated user: the webapps never show their own login.
 *     It is mapped after Spring Security's filter (order -100) and before Camunda's own filters
 *     (authentication, CSRF, headers), which the starter maps after every filter Spring Boot registers.
 * <li>The engine's identity service reads our staff ({@link StaffIdentity}, read-only) and the
 *     {@code admins} group is Camunda's admin group.
 * </ul>
 *
 * <p>One application with the webapps per JVM: Camunda keeps their runtime in static fields and
 * clears them when an application stops ({@code camunda.bpm.webapp.enabled=false} turns them off).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", matchIfMissing = true)
class CamundaWebapps {

    /** After Spring Security's filter chain (order -100), before Camunda's webapp filters. */
    static final int SIGN_ON_ORDER = 0;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaSessionSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("Camunda webapps sign-on");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSessionAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SIGN_ON_ORDER);
        return registration;
    }
}
