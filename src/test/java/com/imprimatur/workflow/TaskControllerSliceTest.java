package com.imprimatur.workflow;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.imprimatur.review.DecisionRequest;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.support.ApiSliceTest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/tasks} in a slice ({@link ApiSliceTest}): who gets through to the task desk, and how the rest is refused. */
class TaskControllerSliceTest extends ApiSliceTest {

    private static final String APPROVE = "{\"decision\":\"APPROVE\",\"comment\":\"All references check out.\"}";

    @AfterEach
    void bulkActionsAreNotUsedHere() {
        verifyNoInteractions(bulkTasks);
    }

    @Test
    void aPhysicianWithASessionAndItsCsrfTokenReachesTheDesk() throws Exception {
        when(taskDesk.complete(any(), eq("t-1"), any())).thenReturn(new TaskView("t-1", "medicalReview", "Medical review", 7, 1,
                Instant.parse("2026-01-05T10:00:00Z"), null, "reviewer", false, null, null));

        mvc.perform(complete("t-1", APPROVE).with(user("reviewer").roles("MEDICAL_REVIEWER")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("t-1"))
                .andExpect(jsonPath("$.assignee").value("reviewer"));

        verify(taskDesk).complete(new StaffMember("reviewer", Set.of(Role.MEDICAL_REVIEWER)), "t-1",
                new DecisionRequest("APPROVE", "All references check out.", null, null));
    }

    @Test
    void anonymousCallersAreNotLoggedIn() throws Exception {
        mvc.perform(get("/api/tasks"))
                .andExpect(problem(401, "unauthenticated"))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Imprimatur\""));
        mvc.perform(complete("t-1", APPROVE).with(csrf())).andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(taskDesk);
    }

    @Test
    void aSessionRequestWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(complete("t-1", APPROVE).with(user("reviewer").roles("MEDICAL_REVIEWER")))
                .andExpect(problem(403, "csrf"));
        mvc.perform(post("/api/tasks/t-1/claim").with(user("reviewer").roles("MEDICAL_REVIEWER")))
                .andExpect(problem(403, "csrf"));

        verifyNoInteractions(taskDesk);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(complete("t-1", "{\"decision\": APPROVE").with(user("reviewer").roles("MEDICAL_REVIEWER")).with(csrf()))
                .andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(taskDesk);
    }

    @Test
    void aDecisionWithoutItsDecisionIsInvalid() throws Exception {
        mvc.perform(complete("t-1", "{\"comment\":\"no decision\"}").with(user("reviewer").roles("MEDICAL_REVIEWER")).with(csrf()))
                .andExpect(problem(422, "invalid-content"))
                .andExpect(jsonPath("$.errors[0].field").value("decision"));

        verifyNoInteractions(taskDesk);
    }

    @Test
    void anAssignmentToNobodyIsInvalid() throws Exception {
        mvc.perform(post("/api/tasks/t-1/assign").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\" \"}")
                        .with(user("editor").roles("EDITOR")).with(csrf()))
                .andExpect(problem(422, "invalid-content"))
                .andExpect(jsonPath("$.errors[0].field").value("username"));

        verifyNoInteractions(taskDesk);
    }

    @Test
    void anUnknownQueueIsMalformed() throws Exception {
        mvc.perform(get("/api/tasks").param("queue", "everyone").with(user("editor").roles("EDITOR")))
                .andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(taskDesk);
    }

    private static MockHttpServletRequestBuilder complete(String taskId, String json) {
        return post("/api/tasks/{id}/complete", taskId).contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
