package com.imprimatur.security;

import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates staff accounts: used by the demo seed and the first-admin bootstrap (user management comes later). */
@Service
public class StaffAccounts {

    private final AppUsers users;
    private final PasswordEncoder passwords;

    StaffAccounts(AppUsers users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    /** Creates the account unless one of that name exists; returns whether it was created. */
    @Transactional
    public boolean createIfAbsent(String username, String password, String displayName, String credentials,
            String specialty, Set<Role> roles) {
        if (users.existsById(username)) {
            return false;
        }
        users.save(new AppUser(username, passwords.encode(password), displayName, credentials, specialty, roles));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean anyAdmin() {
        return users.findAll().stream().anyMatch(u -> u.roles().contains(Role.ADMIN));
    }
}
