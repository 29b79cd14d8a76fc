package com.imprimatur.staff;

import java.util.Set;

/**
 * The body of {@code POST /api/admin/users} (username, displayName, roles and password required) and of
 * {@code PATCH /api/admin/users/{username}} (every field optional; what is absent stays as it is; an
 * empty credentials, specialty or email clears it). {@code email}: where notifications are mailed.
 */
public record UserRequest(String username, String displayName, String credentials, String specialty, Set<Role> roles,
        String password, Boolean enabled, String email) {
}
