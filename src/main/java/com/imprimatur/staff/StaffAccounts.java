package com.imprimatur.staff;

import com.imprimatur.identity.UserName;
import com.imprimatur.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates staff accounts for the demo seed and the first-admin bootstrap (admins use {@link UserAdmin}),
 * and gives signing in what it checks ({@link #credentials}).
 */
@Service
public class StaffAccounts {

    private final AppUsers users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final EntityManager entities;
    private final TransactionTemplate transactions;

    StaffAccounts(AppUsers users, PasswordEncoder passwords, AuditTrail audit, EntityManager entities,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.entities = entities;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Creates the account unless one of that name exists; returns whether it was created. Another
     * node creating the same account at the same moment (nodes started together) makes this insert
     * fail on the key: this transaction rolls back and the answer is "exists".
     */
    public boolean createIfAbsent(String username, String password, String displayName, String credentials,
            String specialty, Set<Role> roles) {
        return createIfAbsent(username, password, displayName, credentials, specialty, roles, null);
    }

    /** As above, with the address notifications are mailed to. */
    public boolean createIfAbsent(String username, String password, String displayName, String credentials,
            String specialty, Set<Role> roles, String email) {
        String name = UserName.canonical(username);
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (users.existsById(name)) {
                    return false;
                }
                // persist, not save: save would merge into a row another node has just inserted
                AppUser user = new AppUser(name, passwords.encode(password), displayName, credentials, specialty, roles);
                user.email(email);
                entities.persist(user);
                entities.flush();
                audit.record("user.created", null, null, Map.of("username", name, "displayName", displayName,
                        "roles", roles.stream().map(Role::name).sorted().toList()));
                return true;
            }));
        } catch (DataIntegrityViolationException | PersistenceException e) {
            if (users.existsById(name)) {
                return false;
            }
            throw e;
        }
    }

    /** What signing in checks: the password hash, whether the account is enabled, its roles, and a pending reset. */
    public record Credentials(String username, String passwordHash, boolean enabled, Set<Role> roles,
            boolean mustChangePassword) {
    }

    /** The credentials of the account of that canonical name; empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<Credentials> credentials(String username) {
        return users.findById(username).map(u -> new Credentials(u.username(), u.passwordHash(), u.enabled(), u.roles(),
                u.mustChangePassword()));
    }

    @Transactional(readOnly = true)
    public boolean anyAdmin() {
        return users.findAll().stream().anyMatch(u -> u.roles().contains(Role.ADMIN));
    }
}
