package com.imprimatur.security;

import java.time.Instant;
import java.util.Set;

/** A user as the admin API shows it (never the password hash). */
record UserView(String username, String displayName, String credentials, String specialty, Set<Role> roles,
        boolean enabled, Instant createdAt) {

    static UserView of(AppUser user) {
        return new UserView(user.username(), user.displayName(), user.credentials(), user.specialty(), user.roles(),
                user.enabled(), user.createdAt());
    }
}
