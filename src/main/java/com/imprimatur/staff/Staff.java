package com.imprimatur.staff;

import com.imprimatur.identity.UserName;
import com.imprimatur.problem.Problem;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity store as the rest of the application sees it. */
@Service
@Transactional(readOnly = true)
public class Staff {

    private final AppUsers users;

    Staff(AppUsers users) {
        this.users = users;
    }

    /** The member of staff of the current request; 401 if nobody is logged in. */
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
     * Whether {@code username} (canonical) is an enabled user holding one of these roles, read now from
     * the shared store (one indexed query, nothing cached: a role taken away or a user disabled on any
     * node counts at once).
     */
    public boolean activeIn(String username, Collection<Role> roles) {
        return !roles.isEmpty() && users.enabledWithAnyOf(username, roles);
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

    public Map<String, StaffProfile> profiles(Collection<String> usernames) {
        return users.findByUsernameIn(usernames.stream().map(UserName::canonical).toList()).stream().map(AppUser::profile)
                .collect(Collectors.toMap(StaffProfile::username, Function.identity()));
    }
}
