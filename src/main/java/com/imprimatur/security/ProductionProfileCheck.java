package com.imprimatur.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything starts: profile {@code prod} refuses the {@code demo} profile and the demo data
 * (their users share a known password), refuses to run without a MariaDB server (no embedded
 * database in production), and without the secrets that have development stand-ins elsewhere:
 * the salt of readers' address hashes, the audit trail's key, and the key that signs the readers'
 * forms (a random one per node would refuse other nodes' forms).
 */
public class ProductionProfileCheck implements EnvironmentPostProcessor {

    static final int MIN_SALT = 16;
    static final int MIN_AUDIT_KEY = 32;

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
        for (String demo : List.of("imprimatur.demo.users", "imprimatur.demo.articles")) {
            if (environment.getProperty(demo, Boolean.class, false)) {
                throw new IllegalStateException("Refusing to start: " + demo + " is on in profile 'prod' (demo users "
                        + "have a known password); demo data belongs to profile 'demo' only.");
            }
        }
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            throw new IllegalStateException("Refusing to start: profile 'prod' needs SPRING_DATASOURCE_URL pointing at a MariaDB server.");
        }
        if (environment.getProperty("imprimatur.feedback.client-salt", "").strip().length() < MIN_SALT) {
            throw new IllegalStateException("Refusing to start: profile 'prod' needs IMPRIMATUR_FEEDBACK_CLIENT_SALT "
                    + "(imprimatur.feedback.client-salt), a random secret of at least " + MIN_SALT + " characters: "
                    + "readers' addresses are kept only as hashes under it.");
        }
        if (environment.getProperty("imprimatur.audit.key", "").strip().length() < MIN_AUDIT_KEY) {
            throw new IllegalStateException("Refusing to start: profile 'prod' needs IMPRIMATUR_AUDIT_KEY (imprimatur.audit.key), "
                    + "a random secret of at least " + MIN_AUDIT_KEY + " characters kept outside the database: it signs "
                    + "the audit trail's events and checkpoints. Keep it for the life of the trail.");
        }
        if (environment.getProperty("imprimatur.public.form-key", "").strip().length() < 32) {
            throw new IllegalStateException("Refusing to start: profile 'prod' needs IMPRIMATUR_PUBLIC_FORM_KEY "
                    + "(imprimatur.public.form-key), a secret of at least 32 characters, the same on every node: "
                    + "it signs the readers' forms.");
        }
    }
}
