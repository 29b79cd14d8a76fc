package com.imprimatur.demo;

import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffAccounts;
import java.util.EnumSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo logins of DESIGN.md, all with password {@code demo} and the address {@code <username>@example.org}. Never in production (see ProductionGuard). */
@Component
@Order(1)
@ConditionalOnProperty("imprimatur.demo.users")
@Profile("!prod") // and ProductionProfileCheck refuses prod with the demo data on
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo";

    private final StaffAccounts accounts;

    DemoUsers(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.createIfAbsent("writer", PASSWORD, "Maya Thornton", null, null, EnumSet.of(Role.WRITER), "writer@example.org");
        accounts.createIfAbsent("writer2", PASSWORD, "Samuel Okafor", null, null, EnumSet.of(Role.WRITER), "writer2@example.org");
        accounts.createIfAbsent("reviewer", PASSWORD, "Dr. Elena Marsh", "M.D., FACP", "Internal medicine",
                EnumSet.of(Role.MEDICAL_REVIEWER), "reviewer@example.org");
        accounts.createIfAbsent("reviewer2", PASSWORD, "Dr. Rahul Iyer", "M.D., FFARCSI", "Anaesthesiology",
                EnumSet.of(Role.MEDICAL_REVIEWER), "reviewer2@example.org");
        accounts.createIfAbsent("editor", PASSWORD, "Clara Benton", null, null, EnumSet.of(Role.EDITOR), "editor@example.org");
        accounts.createIfAbsent("admin", PASSWORD, "Site Administrator", null, null, EnumSet.of(Role.ADMIN), "admin@example.org");
    }
}
