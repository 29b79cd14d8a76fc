package com.imprimatur.staff;

import com.imprimatur.audit.AuditTrail;
import com.imprimatur.identity.UserName;
import com.imprimatur.problem.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User management for admins: create, change profile and roles, reset passwords, disable. Every
 * change is an audit event; disabling a user, taking roles away or resetting a password ends the
 * user's sessions at once. The last enabled administrator cannot be disabled or lose ADMIN.
 */
@Service
@Transactional
public class UserAdmin {

    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    private final AppUsers users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SignIns signIns;
    private final OwnAccount ownAccount;

    UserAdmin(AppUsers users, PasswordEncoder passwords, AuditTrail audit, SignIns signIns, OwnAccount ownAccount) {
        this.ownAccount = ownAccount;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.signIns = signIns;
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return users.findAllByOrderByUsername().stream().map(UserView::of).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(String username) {
        return UserView.of(user(username));
    }

    public UserView create(UserRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        String username = UserName.canonical(request.username());
        if (!USERNAME.matcher(username).matches()) {
            errors.add(error("username", "2 to 63 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (blank(request.displayName())) {
            errors.add(error("displayName", "give the name shown on articles and in the audit trail"));
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            errors.add(error("roles", "give at least one of WRITER, MEDICAL_REVIEWER, EDITOR, ADMIN"));
        }
        checkPassword(request.password(), true, errors);
        checkEmail(request.email(), errors);
        rejectIfAny(errors);
        if (users.existsById(username)) {
            throw Problem.conflict("user-exists", "A user '" + username + "' exists already; change it with PATCH.");
        }
        AppUser user = new AppUser(username, passwords.encode(request.password()), request.displayName().strip(),
                emptyToNull(request.credentials()), emptyToNull(request.specialty()), request.roles());
        if (request.enabled() != null && !request.enabled()) {
            user.enabled(false);
        }
        user.email(emptyToNull(request.email()));
        users.save(user);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("displayName", user.displayName());
        details.put("roles", sorted(user.roles()));
        details.put("enabled", user.enabled());
        if (user.credentials() != null) {
            details.put("credentials", user.credentials());
        }
        if (user.specialty() != null) {
            details.put("specialty", user.specialty());
        }
        if (user.email() != null) {
            details.put("email", user.email());
        }
        audit.record("user.created", null, null, details);
        return UserView.of(user);
    }

    public UserView update(String typed, UserRequest request) {
        String username = UserName.canonical(typed);
        AppUser user = user(username);
        List<Map<String, String>> errors = new ArrayList<>();
        if (request.username() != null && !UserName.canonical(request.username()).equals(username)) {
            errors.add(error("username", "a user name cannot be changed"));
        }
        if (request.displayName() != null && request.displayName().isBlank()) {
            errors.add(error("displayName", "cannot be empty"));
        }
        if (request.roles() != null && request.roles().isEmpty()) {
            errors.add(error("roles", "give at least one role (disable the user instead of taking every role)"));
        }
        checkPassword(request.password(), false, errors);
        checkEmail(request.email(), errors);
        rejectIfAny(errors);

        Set<Role> roles = request.roles() == null ? user.roles() : EnumSet.copyOf(request.roles());
        boolean enabled = request.enabled() == null ? user.enabled() : request.enabled();
        boolean losesAdmin = user.enabled() && user.roles().contains(Role.ADMIN) && (!enabled || !roles.contains(Role.ADMIN));
        if (losesAdmin && users.lockEnabledAdmins().stream().noneMatch(a -> !a.username().equals(username))) {
            throw Problem.conflict("last-admin", "'" + username + "' is the last enabled administrator: make someone else "
                    + "an administrator first.");
        }
        boolean endSessions = false;
        String displayName = request.displayName() == null ? user.displayName() : request.displayName().strip();
        String credentials = request.credentials() == null ? user.credentials() : emptyToNull(request.credentials());
        String specialty = request.specialty() == null ? user.specialty() : emptyToNull(request.specialty());
        if (!Objects.equals(displayName, user.displayName()) || !Objects.equals(credentials, user.credentials())
                || !Objects.equals(specialty, user.specialty())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("username", username);
            changed(details, "displayName", user.displayName(), displayName);
            changed(details, "credentials", user.credentials(), credentials);
            changed(details, "specialty", user.specialty(), specialty);
            user.profile(displayName, credentials, specialty);
            audit.record("user.profile-changed", null, null, details);
        }
        String email = request.email() == null ? user.email() : emptyToNull(request.email());
        if (!Objects.equals(email, user.email())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("username", username);
            changed(details, "email", user.email(), email);
            user.email(email);
            audit.record("user.email-changed", null, null, details);
        }
        if (!roles.equals(user.roles())) {
            audit.record("user.roles-changed", null, null, Map.of("username", username, "from", sorted(user.roles()),
                    "to", sorted(roles)));
            endSessions |= !roles.containsAll(user.roles());
            user.roles(roles);
        }
        if (request.password() != null) {
            user.passwordHash(passwords.encode(request.password()));
            audit.record("user.password-reset", null, null, Map.of("username", username));
            endSessions = true;
        }
        if (enabled != user.enabled()) {
            user.enabled(enabled);
            audit.record(enabled ? "user.enabled" : "user.disabled", null, null, Map.of("username", username));
            endSessions |= !enabled;
        }
        users.save(user);
        if (endSessions) {
            signIns.endSessionsOf(username, null);
        }
        return UserView.of(user);
    }

    /**
     * Sets a temporary password that its holder must replace at the next sign-in (until then every
     * page leads to the password form and the API answers 403); ends their sessions at once.
     */
    public UserView resetPassword(String typed, String temporary) {
        AppUser user = user(typed);
        List<Map<String, String>> errors = new ArrayList<>();
        checkPassword(temporary, true, errors);
        rejectIfAny(errors);
        user.passwordHash(passwords.encode(temporary));
        user.mustChangePassword(true);
        users.save(user);
        audit.record("user.password-reset", null, null, Map.of("username", user.username(), "mustChange", true));
        signIns.endSessionsOf(user.username(), null);
        signIns.revokeTokensOf(user.username(), UserName.canonical(staffName()));
        return UserView.of(user);
    }

    /** Who is acting (the administrator), for the record of what they revoked. */
    private static String staffName() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    /** Ends every browser session of the user (they sign in again); returns how many were open. */
    public int endSessions(String typed) {
        AppUser user = user(typed);
        int ended = signIns.endSessionsOf(user.username(), null);
        audit.record("user.sessions-ended", null, null, Map.of("username", user.username(), "sessions", ended));
        return ended;
    }

    @Transactional(readOnly = true)
    public List<SignIns.OpenSession> openSessions(String typed) {
        return signIns.openSessionsOf(user(typed).username());
    }

    /** A person replaces their own password, giving the current one; clears the mark of a reset. */
    @Transactional(noRollbackFor = Problem.class) // a wrong password's audit event stays
    public void changeOwnPassword(String typed, String current, String next, String repeat, String keepSessionId) {
        List<Map<String, String>> errors = new ArrayList<>();
        checkPassword(next, true, errors);
        if (next != null && !next.equals(repeat)) {
            errors.add(error("repeat", "the two new passwords differ"));
        }
        if (next != null && current != null && next.equals(current)) {
            errors.add(error("password", "choose a password other than the current one"));
        }
        rejectIfAny(errors);
        try {
            ownAccount.changePassword(typed, current, next, keepSessionId);
        } catch (Problem problem) {
            // the same check, throttle and audit as /me; the error stands beside this form's own field
            if (problem.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
                throw problem;
            }
            throw Problem.invalid(problem.status() == org.springframework.http.HttpStatus.TOO_MANY_REQUESTS ? "login-throttled"
                    : "wrong-password", problem.getMessage()).with("errors",
                    List.of(error("current", problem.status() == org.springframework.http.HttpStatus.TOO_MANY_REQUESTS
                            ? "too many wrong passwords: try again later" : "this is not your current password")));
        }
    }

    /** The field errors of a problem this class raised, by field, for a form to show beside each field. */
    public static Map<String, String> fieldErrors(Problem problem) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (problem.properties().get("errors") instanceof List<?> errors) {
            for (Object e : errors) {
                if (e instanceof Map<?, ?> m && m.get("field") != null) {
                    byField.putIfAbsent(m.get("field").toString(), String.valueOf(m.get("message")));
                }
            }
        }
        if (byField.isEmpty()) {
            byField.put("", problem.getMessage());
        }
        return byField;
    }

    private AppUser user(String username) {
        String canonical = UserName.canonical(username);
        return users.findById(canonical).orElseThrow(() -> Problem.notFound("User " + canonical));
    }

    private static void checkPassword(String password, boolean required, List<Map<String, String>> errors) {
        if (password == null) {
            if (required) {
                errors.add(error("password", "give a password of at least " + MIN_PASSWORD + " characters"));
            }
        } else if (password.length() < MIN_PASSWORD || password.length() > 200) {
            errors.add(error("password", MIN_PASSWORD + " to 200 characters"));
        }
    }

    private static void rejectIfAny(List<Map<String, String>> errors) {
        if (!errors.isEmpty()) {
            throw Problem.invalid("invalid-content", errors.get(0).get("field") + ": " + errors.get(0).get("message")
                    + (errors.size() > 1 ? " (and more: see errors)" : "")).with("errors", errors);
        }
    }

    private static void changed(Map<String, Object> details, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            details.put(field, change);
        }
    }

    private static List<String> sorted(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A plain address (one @, a dot in the domain, no spaces or angle brackets: it goes into a mail header). */
    private static void checkEmail(String email, List<Map<String, String>> errors) {
        if (email != null && !email.isBlank() && (email.strip().length() > 254
                || !email.strip().matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+"))) {
            errors.add(error("email", "an e-mail address such as name@example.org"));
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
