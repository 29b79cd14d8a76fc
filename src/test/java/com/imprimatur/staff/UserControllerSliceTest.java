package com.imprimatur.staff;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.imprimatur.support.ApiSliceTest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/admin/users} in a slice ({@link ApiSliceTest}): only administrators reach the user administration. */
class UserControllerSliceTest extends ApiSliceTest {

    private static final String NEW_USER = "{\"username\":\"writer3\",\"displayName\":\"Third Writer\",\"roles\":[\"WRITER\"],"
            + "\"password\":\"a long enough password\",\"enabled\":true}";

    @Test
    void anAdministratorReachesTheUserAdministration() throws Exception {
        when(userAdmin.list()).thenReturn(List.of(new UserView("admin", "Admin", null, null, Set.of(Role.ADMIN), true,
                Instant.parse("2026-01-05T10:00:00Z"), false, "admin@example.org")));

        mvc.perform(get("/api/admin/users").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].username").value("admin"))
                .andExpect(jsonPath("$[0].password").doesNotExist());
    }

    @Test
    void anonymousCallersAreNotLoggedIn() throws Exception {
        mvc.perform(get("/api/admin/users")).andExpect(problem(401, "unauthenticated"));
        mvc.perform(create(NEW_USER).with(csrf())).andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(userAdmin);
    }

    @Test
    void everyOtherRoleIsForbidden() throws Exception {
        for (Role role : List.of(Role.WRITER, Role.MEDICAL_REVIEWER, Role.EDITOR)) {
            mvc.perform(get("/api/admin/users").with(user("someone").roles(role.name()))).andExpect(problem(403, "forbidden"));
            mvc.perform(create(NEW_USER).with(user("someone").roles(role.name())).with(csrf())).andExpect(problem(403, "forbidden"));
            mvc.perform(patch("/api/admin/users/writer").contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}")
                    .with(user("someone").roles(role.name())).with(csrf())).andExpect(problem(403, "forbidden"));
        }

        verifyNoInteractions(userAdmin);
    }

    @Test
    void anAdministratorsSessionRequestWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(create(NEW_USER).with(user("admin").roles("ADMIN"))).andExpect(problem(403, "csrf"));

        verifyNoInteractions(userAdmin);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(create("{\"username\":").with(user("admin").roles("ADMIN")).with(csrf())).andExpect(problem(400, "malformed-request"));
        mvc.perform(create("{\"username\":\"w\",\"roles\":[\"KING\"]}").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(userAdmin);
    }

    private static MockHttpServletRequestBuilder create(String json) {
        return post("/api/admin/users").contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
