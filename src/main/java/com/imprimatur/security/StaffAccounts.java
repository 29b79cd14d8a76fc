package com.imprimatur.security;

import com.imprimatur.identity.UserName;
import com.imprimatur.audit.AuditTrail;
import java.util.Map;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates staff accounts for the demo seed and the first-admin bootstrap (admins use {@link UserAdmin}). */
@Service
public class StaffAccounts {

    private final AppUsers users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    StaffAccounts(AppUsers users, PasswordEncoder passwords, AuditTrail audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Creates the account unless one of that name exists; returns whether it was created. */
    @Transactional
    public boolean createIfAbsent(String username, String password, String displayName, String credentials,
            String specialty, Set<Role> roles) {
        username = UserName.canonical(username);
        if (users.existsById(username)) {
            return false;
        }
        users.save(new AppUser(username, passwords.encode(password), displayName, credentials, specialty, roles));
        audit.record("user.created", null, null, Map.of("username", username, "displayName", displayName,
                "roles", roles.stream().map(Role::name).sorted().toList()));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean anyAdmin() {
        return users.findAll().stream().anyMatch(u -> u.roles().contains(Role.ADMIN));
    }
}
