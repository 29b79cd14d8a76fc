package com.imprimatur.staff;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A member of staff: login, hashed password, roles and, for physicians, the reviewer profile. */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String credentials;

    private String specialty;

    /** Where notifications are mailed; null: told in the app only. */
    private String email;

    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, String displayName, String credentials, String specialty,
            Set<Role> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.credentials = credentials;
        this.specialty = specialty;
        this.roles = new HashSet<>(roles);
        this.createdAt = Instant.now();
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    String displayName() {
        return displayName;
    }

    String credentials() {
        return credentials;
    }

    String specialty() {
        return specialty;
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    Instant createdAt() {
        return createdAt;
    }

    void profile(String displayName, String credentials, String specialty) {
        this.displayName = displayName;
        this.credentials = credentials;
        this.specialty = specialty;
    }

    String email() {
        return email;
    }

    void email(String email) {
        this.email = email;
    }

    void roles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Whether the password was set by an administrator and must be replaced at the next sign-in. */
    boolean mustChangePassword() {
        return mustChangePassword;
    }

    void mustChangePassword(boolean mustChange) {
        this.mustChangePassword = mustChange;
    }

    StaffProfile profile() {
        return new StaffProfile(username, displayName, credentials, specialty, roles(), enabled, email);
    }
}
