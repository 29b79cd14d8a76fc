package com.imprimatur.staff;

import com.imprimatur.audit.AuditTrail;
import com.imprimatur.identity.UserName;
import com.imprimatur.problem.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each member of staff changes for themselves: their password. The current password is
 * required (checked behind the login throttle, so a borrowed session cannot guess it), every other
 * session of the person ends, and a pending reset's mark is cleared. The one way a password is
 * changed by its owner: {@code /me} and the forced {@code /password} page both come here.
 */
@Service
public class OwnAccount {

    private final AppUsers users;
    private final PasswordEncoder passwords;
    private final SignIns signIns;
    private final AuditTrail audit;

    OwnAccount(AppUsers users, PasswordEncoder passwords, SignIns signIns, AuditTrail audit) {
        this.users = users;
        this.passwords = passwords;
        this.signIns = signIns;
        this.audit = audit;
    }

    /** Returns how many other sessions were ended. */
    @Transactional(noRollbackFor = Problem.class) // a wrong password's audit event stays
    public int changePassword(String typed, String current, String next, String keepSessionId) {
        String username = UserName.canonical(typed);
        AppUser user = users.findById(username).orElseThrow(() -> Problem.notFound("User " + username));
        if (next == null || next.length() < UserAdmin.MIN_PASSWORD || next.length() > 200) {
            throw Problem.invalid("invalid-content", "newPassword: " + UserAdmin.MIN_PASSWORD + " to 200 characters")
                    .with("errors", List.of(Map.of("field", "newPassword", "message", UserAdmin.MIN_PASSWORD + " to 200 characters")));
        }
        Duration locked = signIns.attempt(username);
        if (!locked.isZero()) {
            throw new Problem(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "Too many failed logins",
                    "Too many wrong passwords: try again in " + Math.max(1, locked.toMinutes()) + " minutes.")
                    .retryAfter(Math.max(1, locked.toSeconds()));
        }
        if (current == null || !passwords.matches(current, user.passwordHash())) {
            signIns.failed(username);
            audit.recordAs(username, "login.failed", null, null, Map.of("reason", "bad-credentials", "during", "password-change"));
            throw Problem.invalid("wrong-password", "currentPassword: that is not your current password")
                    .with("errors", List.of(Map.of("field", "currentPassword", "message", "that is not your current password")));
        }
        signIns.succeeded(username);
        user.passwordHash(passwords.encode(next));
        boolean afterReset = user.mustChangePassword();
        user.mustChangePassword(false);
        users.save(user);
        audit.recordAs(username, "user.password-changed", null, null, Map.of("username", username, "afterReset", afterReset));
        return signIns.endSessionsOf(username, keepSessionId);
    }
}
