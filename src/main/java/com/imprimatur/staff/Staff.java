package com.imprimatur.staff;

import com.imprimatur.identity.UserName;
import com.imprimatur.problem.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The identity store as the rest of the application sees it. */
@Service
@Transactional(readOnly = true)
public class Staff {

    private final AppUsers users;
    private final JdbcTemplate jdbc;

    Staff(AppUsers users, JdbcTemplate jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /**
     * The member of staff of the current request; 401 if nobody is logged in. Read from the request's
     * authentication alone, so it joins a transaction if there is one and opens none (every API call
     * asks it first: the class's read-only transaction cost each call an empty transaction).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public StaffMember current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null || "anonymousUser".equals(auth.getName())) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not logged in", "Log in first.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : auth.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new StaffMember(UserName.canonical(auth.getName()), roles);
    }

    /** The canonical name of whoever acts in this request; empty for readers and the engine's own jobs (never throws). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<String> currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        return Optional.of(UserName.canonical(auth.getName()));
    }

    public Optional<StaffProfile> profile(String username) {
        return users.findById(UserName.canonical(username)).map(AppUser::profile);
    }

    /**
     * Whether {@code username} (as its canonical name) is an enabled user holding one of these roles, read now from
     * the shared store (one indexed query, nothing cached: a role taken away or a user disabled on any
     * node counts at once).
     */
    public boolean activeIn(String username, Collection<Role> roles) {
        if (roles.isEmpty()) {
            return false;
        }
        // plain SQL: Hibernate translates a query with a list parameter afresh on every call, and
        // flushes the session before it; this runs on every assignment and completion. (So a change
        // to the user made through JPA in this same transaction and not yet flushed is not seen.)
        List<Object> args = new ArrayList<>(roles.size() + 1);
        args.add(UserName.canonical(username));
        roles.forEach(role -> args.add(role.name()));
        Integer n = jdbc.queryForObject("select count(*) from app_user u join app_user_role r on r.username = u.username"
                + " where u.username = ? and u.enabled = true and r.role in (" + marks(roles.size()) + ")", Integer.class, args.toArray());
        return n != null && n > 0;
    }

    /** Everyone holding the role, enabled or not, by display name. */
    public List<StaffProfile> withRole(Role role) {
        return users.findByRole(role).stream().map(AppUser::profile)
                .sorted(Comparator.comparing(StaffProfile::displayName)).toList();
    }

    /** Every member of staff, enabled or not, by user name (the Camunda webapps' read-only user directory). */
    public List<StaffProfile> all() {
        return users.findAllByOrderByUsername().stream().map(AppUser::profile).toList();
    }

    /**
     * The profiles of these people (by canonical name; the unknown are left out), in one statement:
     * the fact-check report asks on every decision, and the entity query loaded each user's roles
     * with a statement of its own.
     */
    public Map<String, StaffProfile> profiles(Collection<String> usernames) {
        List<String> names = usernames.stream().map(UserName::canonical).distinct().toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, StaffProfile> found = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.query("select u.username, u.display_name, u.credentials, u.specialty, u.enabled, u.email, r.role from app_user u"
                + " left join app_user_role r on r.username = u.username where u.username in (" + marks(names.size()) + ")",
                rs -> {
                    String username = rs.getString(1);
                    Set<Role> held = roles.computeIfAbsent(username, u -> EnumSet.noneOf(Role.class));
                    if (rs.getString(7) != null) {
                        held.add(Role.valueOf(rs.getString(7)));
                    }
                    found.putIfAbsent(username, new StaffProfile(username, rs.getString(2), rs.getString(3), rs.getString(4),
                            Collections.unmodifiableSet(held), rs.getBoolean(5), rs.getString(6)));
                }, names.toArray());
        return found;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
