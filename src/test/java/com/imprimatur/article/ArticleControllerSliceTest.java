package com.imprimatur.article;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.support.ApiSliceTest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/articles} in a slice ({@link ApiSliceTest}): who gets through to the article service, and how the rest is refused. */
class ArticleControllerSliceTest extends ApiSliceTest {

    private static final String ARTICLE = """
            {"title":"Iron and fatigue","summary":"What iron does.","body":"Iron carries oxygen (1).",
             "references":[{"citation":"Camaschella C. Iron-deficiency anemia. N Engl J Med. 2015.","pmid":"25946282"}]}""";

    @AfterEach
    void diffsAreNotUsedHere() {
        verifyNoInteractions(diffs);
    }

    @Test
    void aWriterWithASessionAndItsCsrfTokenReachesTheService() throws Exception {
        when(articles.create(any(), any())).thenReturn(new ArticleView(7, "iron-and-fatigue", "Iron and fatigue", ArticleStatus.IN_REVIEW,
                1, null, "writer", Instant.parse("2026-01-05T10:00:00Z"), null, null, null, null, List.of(), null));

        mvc.perform(create(ARTICLE).with(user("writer").roles("WRITER")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/articles/7"))
                .andExpect(jsonPath("$.slug").value("iron-and-fatigue"))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));

        verify(articles).create(new StaffMember("writer", Set.of(Role.WRITER)), new ObjectMapper().readValue(ARTICLE, RevisionContent.class));
    }

    @Test
    void anonymousCallersAreNotLoggedIn() throws Exception {
        mvc.perform(get("/api/articles")).andExpect(problem(401, "unauthenticated"));
        mvc.perform(create(ARTICLE).with(csrf())).andExpect(problem(401, "unauthenticated"));
        mvc.perform(create(ARTICLE)).andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(articles);
    }

    @Test
    void aSessionRequestWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(create(ARTICLE).with(user("writer").roles("WRITER"))).andExpect(problem(403, "csrf"));
        mvc.perform(post("/api/articles/7/withdraw").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"retracted\"}")
                .with(user("editor").roles("EDITOR"))).andExpect(problem(403, "csrf"));

        verifyNoInteractions(articles);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(create("title=Iron").with(user("writer").roles("WRITER")).with(csrf())).andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(articles);
    }

    @Test
    void anArticleWithoutTitleOrReferencesIsInvalid() throws Exception {
        mvc.perform(create("{\"summary\":\"s\",\"body\":\"b\",\"references\":[]}").with(user("writer").roles("WRITER")).with(csrf()))
                .andExpect(problem(422, "invalid-content"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("title", "references")));

        verifyNoInteractions(articles);
    }

    @Test
    void anArticleIdThatIsNotANumberIsMalformed() throws Exception {
        mvc.perform(get("/api/articles/seven").with(user("editor").roles("EDITOR"))).andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(articles);
    }

    private static MockHttpServletRequestBuilder create(String json) {
        return post("/api/articles").contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
