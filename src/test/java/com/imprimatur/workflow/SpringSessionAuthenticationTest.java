package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.staff.Role;
import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The second lock behind Spring Security: only an authenticated admin is signed on in the Camunda webapps. */
class SpringSessionAuthenticationTest {

    private final SpringSessionAuthentication provider = new SpringSessionAuthentication();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private AuthenticationResult as(String user, Role... roles) {
        String[] authorities = java.util.Arrays.stream(roles).map(Role::authority).toArray(String[]::new);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList(authorities)));
        return provider.extractAuthenticatedUser(null, null);
    }

    @Test
    void anAdminIsSignedOnWithTheGroupsOfTheirRoles() {
        AuthenticationResult result = as("ada", Role.ADMIN, Role.EDITOR);
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo("ada");
        assertThat(result.getGroups()).containsExactlyInAnyOrder("admins", "editors");
        assertThat(result.getTenants()).isEmpty();
    }

    @Test
    void nobodyElseIs() {
        for (Role role : List.of(Role.WRITER, Role.MEDICAL_REVIEWER, Role.EDITOR)) {
            assertThat(as("someone", role).isAuthenticated()).as(role.name()).isFalse();
        }
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(provider.extractAuthenticatedUser(null, null).isAuthenticated()).isFalse();
        SecurityContextHolder.clearContext();
        assertThat(provider.extractAuthenticatedUser(null, null).isAuthenticated()).isFalse();
    }
}
