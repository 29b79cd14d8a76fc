package com.imprimatur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.imprimatur.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.Filter;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Nothing reads the node's meters (only health is served), so nothing on the request path records
 * them: no turbo filter in front of every log-level check, no timers on the pool's connections, no
 * observation filter, no listener on the repositories' calls.
 */
class UnreadMetersTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource applicationPool;

    @Test
    void aLogLevelCheckPassesNoTurboFilter() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(logging.getTurboFilterList()).isEmpty();
    }

    @Test
    void thePoolTimesNoBorrowedConnection() {
        HikariDataSource pool = (HikariDataSource) applicationPool;
        assertThat(pool.getMetricsTrackerFactory()).isNull();
        assertThat(pool.getMetricRegistry()).isNull();
    }

    @Test
    void noRequestPassesAnObservationFilterAndNoRepositoryCallIsTimed() {
        assertThat(context.getBeansOfType(ServerHttpObservationFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .extracting(FilterRegistrationBean::getFilter)
                .noneMatch(ServerHttpObservationFilter.class::isInstance);
        assertThat(context.getBeanNamesForType(Filter.class)).noneMatch(name -> name.toLowerCase().contains("observation"));
        assertThat(context.getBeanNamesForType(org.springframework.data.repository.core.support.RepositoryMethodInvocationListener.class))
                .isEmpty();
    }
}
