package com.imprimatur.support;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.RevisionDiffs;
import com.imprimatur.security.ApiTokens;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.UserAdmin;
import com.imprimatur.workflow.BulkTaskActions;
import com.imprimatur.workflow.TaskDesk;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * A Spring MVC slice of the staff API: the controllers under test, the application's real
 * security chains ({@code SecurityConfig}), its problem handler and {@link Staff#current()} (who is
 * calling, read from the security context), and no database. The services behind the controllers
 * are Mockito mocks: a test either checks that a refused request never reached them, or has one
 * return a fixed view to show that an allowed request does. Components are picked by their simple
 * names, so a move to another package leaves the slice as it is. Every subclass shares this one
 * configuration, and so one application context.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        ".*\\.TaskController", ".*\\.ArticleController", ".*\\.UserController",
        ".*\\.SecurityConfig", ".*\\.ProblemHandler", ".*\\.ProblemWriter"}))
@Import(ApiSliceTest.Sessions.class)
public abstract class ApiSliceTest {

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected TaskDesk taskDesk;
    @MockitoBean
    protected BulkTaskActions bulkTasks;
    @MockitoBean
    protected ArticleService articles;
    @MockitoBean
    protected RevisionDiffs diffs;
    @MockitoBean
    protected UserAdmin userAdmin;
    /** The bearer-token filter's store: these tests send no Authorization header, so it is never asked. */
    @MockitoBean
    protected ApiTokens tokens;
    /** Only its real {@code current()} runs (it reads the security context); nothing here reaches its repository. */
    @MockitoBean(answers = Answers.CALLS_REAL_METHODS)
    protected Staff staff;

    /** The session registry of the security chains, in memory (the application keeps it in MariaDB). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Sessions {
        @Bean
        SessionRegistry sessionRegistry() {
            return new SessionRegistryImpl();
        }
    }

    /** An RFC 9457 answer with this status and problem type. */
    protected static ResultMatcher problem(int status, String type) {
        return result -> {
            status().is(status).match(result);
            content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
            jsonPath("$.type").value("https://imprimatur.example/problems/" + type).match(result);
            jsonPath("$.status").value(status).match(result);
            jsonPath("$.detail").isNotEmpty().match(result);
        };
    }
}
