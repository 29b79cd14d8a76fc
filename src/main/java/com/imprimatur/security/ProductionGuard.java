package com.imprimatur.security;

import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffAccounts;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production, creates the first admin from the environment. (Refusing the demo profile happens
 * earlier, before anything starts: {@link ProductionProfileCheck}.)
 */
@Component
@Profile("prod")
class ProductionGuard implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionGuard.class);

    private final StaffAccounts accounts;
    private final String adminUser;
    private final String adminPassword;

    ProductionGuard(StaffAccounts accounts, @Value("${imprimatur.admin.username:}") String adminUser,
            @Value("${imprimatur.admin.password:}") String adminPassword) {
        this.accounts = accounts;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAdmin()) {
            return;
        }
        if (adminUser.isBlank() || adminPassword.length() < 12) {
            throw new IllegalStateException("No administrator exists yet: set IMPRIMATUR_ADMIN_USER and "
                    + "IMPRIMATUR_ADMIN_PASSWORD (at least 12 characters) for the first start.");
        }
        accounts.createIfAbsent(adminUser, adminPassword, adminUser, null, null, EnumSet.of(Role.ADMIN));
        log.info("Created the first administrator '{}'", adminUser);
    }
}
