package com.imprimatur.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Sessions live in MariaDB (Spring Session JDBC, tables from Flyway V11), so any node serves any
 * request and no node keeps a session only in its memory. The registry Spring Security consults on
 * every request of a session ({@code ConcurrentSessionFilter}) reads the same tables: a session
 * ended on one node ({@link StaffSessions}) is ended on every node at its next request; the session
 * a request already loaded is not read again for that ({@link SessionReadOnce}).
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

    /** MariaDB speaks MySQL's upsert: without it, two requests saving one session at once collide on a key. */
    @Bean
    MySqlJdbcIndexedSessionRepositoryCustomizer mariaDbSessionStatements() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** A user's sessions found by their canonical name (the repository's principal-name index). */
    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SessionReadOnce(new SpringSessionBackedSessionRegistry<>(sessions));
    }
}
