package com.imprimatur.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything starts: profile {@code prod} refuses the {@code demo} profile (its users share a
 * known password), refuses to run without a MariaDB server (no embedded database in production) and
 * without the key that signs the readers' forms (a random one per node would refuse other nodes' forms).
 */
public class ProductionProfileCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> profiles = Arrays.asList(environment.getActiveProfiles());
        if (!profiles.contains("prod")) {
            return;
        }
        if (profiles.contains("demo")) {
            throw new IllegalStateException("Refusing to start: profile 'demo' (demo users with a known password) "
                    + "is active together with 'prod'.");
        }
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            throw new IllegalStateException("Refusing to start: profile 'prod' needs SPRING_DATASOURCE_URL pointing at a MariaDB server.");
        }
        if (environment.getProperty("imprimatur.public.form-key", "").strip().length() < 32) {
            throw new IllegalStateException("Refusing to start: profile 'prod' needs IMPRIMATUR_PUBLIC_FORM_KEY "
                    + "(imprimatur.public.form-key), a secret of at least 32 characters, the same on every node: "
                    + "it signs the readers' forms.");
        }
    }
}
