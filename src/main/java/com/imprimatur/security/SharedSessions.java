package com.imprimatur.security;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in MariaDB (Spring Session JDBC, tables from Flyway V11), so any node serves any
 * request and no node keeps a session only in its memory. The registry Spring Security consults on
 * every request of a session ({@code ConcurrentSessionFilter}) reads the same tables: a session
 * ended on one node ({@link StaffSessions}) is ended on every node at its next request; the session
 * a request already loaded is not read again for that ({@link SessionReadOnce}). A request that
 * changes nothing in its session writes nothing: the last access is written at most once per
 * {@code imprimatur.session.touch-every} ({@link ThrottledSessions}).
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

    /** MariaDB speaks MySQL's upsert: without it, two requests saving one session at once collide on a key. */
    @Bean
    MySqlJdbcIndexedSessionRepositoryCustomizer mariaDbSessionStatements() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * The store every session goes through (the session filter, the registry): Spring Session's JDBC
     * repository, with the last access written at most once per {@code imprimatur.session.touch-every}
     * (default a minute). Wrapped after it is made, so that Boot still makes and configures it.
     */
    @Bean
    static BeanPostProcessor throttledSessionWrites(Environment environment) {
        Duration touchEvery = environment.getProperty("imprimatur.session.touch-every", Duration.class, Duration.ofMinutes(1));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository store ? new ThrottledSessions(store, touchEvery) : bean;
            }
        };
    }

    /** Just outside Spring Session's filter: what a request read of its session is its own, and ends with it. */
    @Bean
    FilterRegistrationBean<ThrottledSessions.OneRequest> oneRequestOfSessions() {
        FilterRegistrationBean<ThrottledSessions.OneRequest> registration = new FilterRegistrationBean<>(new ThrottledSessions.OneRequest());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /** A user's sessions found by their canonical name (the repository's principal-name index). */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SessionReadOnce(new SpringSessionBackedSessionRegistry<>(sessions));
    }
}
