package com.imprimatur.security;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in MariaDB (Spring Session JDBC, tables from Flyway V11), so any node serves any
 * request and no node keeps a session only in its memory. The registry Spring Security consults on
 * every request of a session ({@code ConcurrentSessionFilter}) reads the same tables: a session
 * ended on one node ({@link StaffSessions}) is ended on every node at its next request; the session
 * a request already loaded is not read again for that ({@link SessionReadOnce}). A request that
 * changes nothing in its session writes nothing: the last access is written at most once per
 * {@code imprimatur.session.touch-every} ({@link ThrottledSessions}). What a request's read makes of
 * its security context's bytes is kept per node ({@link SessionAttributes}).
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
    static BeanPostProcessor throttledSessionWrites(Environment environment, ObjectProvider<PlatformTransactionManager> transactions) {
        Duration touchEvery = environment.getProperty("imprimatur.session.touch-every", Duration.class, Duration.ofMinutes(1));
        return new BeanPostProcessor() {
            /**
             * The JDBC store runs without a transaction of its own: a read is one statement and needs
             * none (it cost a commit per request); the writes, several statements, get one from the
             * wrapper. (Set on Spring Session's configuration before it makes the store: a bean of
             * this type would also replace Boot's transaction template.)
             */
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(TransactionOperations.withoutTransaction());
                }
                return bean;
            }

            /** The store reads its attributes through {@link SessionAttributes} (the security context's object kept). */
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JdbcIndexedSessionRepository store)) {
                    return bean;
                }
                store.setConversionService(SessionAttributes.conversions(SharedSessions.class.getClassLoader()));
                return new ThrottledSessions(store, touchEvery,
                        new OwnTransaction(transactions, TransactionDefinition.PROPAGATION_REQUIRES_NEW),
                        new OwnTransaction(transactions, TransactionDefinition.PROPAGATION_NOT_SUPPORTED));
            }
        };
    }

    /**
     * Runs each call apart from the caller's transaction: in a new one (the writes, as Spring Session's
     * own) or in none (the reads). The template is made at the first call (the transaction manager
     * does not exist yet when the store is wrapped) and then kept: the reads run on every request.
     */
    private static final class OwnTransaction implements TransactionOperations {

        private final ObjectProvider<PlatformTransactionManager> transactions;
        private final int propagation;
        private volatile TransactionTemplate template;

        OwnTransaction(ObjectProvider<PlatformTransactionManager> transactions, int propagation) {
            this.transactions = transactions;
            this.propagation = propagation;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            TransactionTemplate made = template;
            if (made == null) {
                made = new TransactionTemplate(transactions.getObject());
                made.setPropagationBehavior(propagation);
                template = made;
            }
            return made.execute(action);
        }
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
