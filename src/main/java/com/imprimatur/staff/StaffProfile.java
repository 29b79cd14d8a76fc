package com.imprimatur.staff;

import java.util.Set;

/** What other modules may know of a member of staff. */
public record StaffProfile(String username, String displayName, String credentials, String specialty,
        Set<Role> roles, boolean enabled, String email) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** "Dr Ada Lovelace, M.D." style: the name followed by the credentials where there are any. */
    public String signature() {
        return credentials == null || credentials.isBlank() ? displayName : displayName + ", " + credentials;
    }
}
