package com.imprimatur.staff;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the admin API and pages show it (never the password hash); {@code mustChangePassword}:
 * an administrator reset the password and its holder has not chosen a new one yet.
 */
public record UserView(String username, String displayName, String credentials, String specialty, Set<Role> roles,
        boolean enabled, Instant createdAt, boolean mustChangePassword, String email) {

    static UserView of(AppUser user) {
        return new UserView(user.username(), user.displayName(), user.credentials(), user.specialty(), user.roles(),
                user.enabled(), user.createdAt(), user.mustChangePassword(), user.email());
    }
}
