package com.imprimatur.security;

import com.imprimatur.staff.Staff;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: each person's own under /api/me/tokens, everyone's for admins under /api/admin/tokens. */
@RestController
class TokenController {

    private final ApiTokens tokens;
    private final Staff staff;

    TokenController(ApiTokens tokens, Staff staff) {
        this.tokens = tokens;
        this.staff = staff;
    }

    /** {@code expiresInDays} left out: the token does not expire (it stops when revoked or its owner is disabled). */
    record TokenRequest(String name, Integer expiresInDays) {
    }

    /** A token is made by a person (a session or their password), never by another token: a leaked short-lived one cannot mint a lasting one. */
    @PostMapping("/api/me/tokens")
    ResponseEntity<ApiTokens.CreatedToken> create(@RequestBody TokenRequest request) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getDetails() instanceof String details && details.startsWith("token:")) {
            throw com.imprimatur.problem.Problem.forbidden("token-cannot-make-tokens",
                    "A token cannot create tokens: sign in, or use HTTP Basic, to create one.");
        }
        ApiTokens.CreatedToken created = tokens.create(staff.current().username(), request.name(), request.expiresInDays());
        return ResponseEntity.created(URI.create("/api/me/tokens/" + created.id())).body(created);
    }

    @GetMapping("/api/me/tokens")
    List<ApiTokens.TokenView> mine() {
        return tokens.of(staff.current().username());
    }

    @DeleteMapping("/api/me/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revokeOwn(staff.current().username(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/tokens")
    List<ApiTokens.TokenView> all() {
        return tokens.all();
    }

    @DeleteMapping("/api/admin/tokens/{id}")
    ResponseEntity<Void> revokeAny(@PathVariable long id) {
        tokens.revokeAny(id);
        return ResponseEntity.noContent().build();
    }
}
