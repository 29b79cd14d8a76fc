package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.Api;
import com.imprimatur.support.SessionClient;
import com.imprimatur.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application serves, read from Spring's handler mapping, against anonymous
 * and each role, with the expected answers in one table. An endpoint without a row fails the test
 * with the row to add (and what it answered); a row for an endpoint no longer served fails it too.
 *
 * <p>Requests name objects that do not exist (article 999999999, task "no-such-task", user
 * "nobody-matrix", slug "no-such-article") and send {@code {}} as body, so an allowed caller gets
 * 404/400/422 and nothing changes. API paths use HTTP Basic; pages a logged-in browser session
 * (anonymous: a fresh one), form posts with the session's CSRF token. 302 is the redirect to login.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    private static final List<String> CALLERS = List.of("anonymous", "writer", "reviewer", "editor", "admin");

    /** "METHOD pattern" → answers of anonymous, writer, reviewer, editor, admin. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    private static void row(String endpoint, int anonymous, int writer, int reviewer, int editor, int admin) {
        EXPECTED.put(endpoint, new int[] {anonymous, writer, reviewer, editor, admin});
    }

    static {
        // endpoint                                                  anon writer reviewer editor admin
        row("GET /",                                                   302, 302, 302, 302, 302); // to /login, or to /tasks when logged in
        row("GET /error",                                              999, 999, 999, 999, 999);
        row("GET /api/articles",                                       401, 200, 200, 200, 200);
        row("POST /api/articles",                                      401, 422, 422, 422, 422);
        row("GET /api/articles/{id}",                                  401, 404, 404, 404, 404);
        row("GET /api/articles/{id}/revisions",                        401, 404, 404, 404, 404);
        row("POST /api/articles/{id}/revisions",                       401, 422, 422, 422, 422);
        row("POST /api/articles/{id}/withdraw",                        401, 403, 403, 422, 403); // editors only; the reason before the article
        row("GET /api/articles/{id}/revisions/{n}",                    401, 404, 404, 404, 404);
        row("GET /api/articles/{id}/revisions/{n}/diff",               401, 404, 404, 404, 404);
        row("GET /api/articles/{id}/revisions/{n}/plagiarism",         401, 404, 404, 404, 404);
        row("GET /api/articles/{id}/revisions/{n}/factcheck",          401, 404, 404, 404, 404);
        row("GET /api/articles/{id}/decisions",                        401, 404, 404, 404, 404);
        row("GET /api/articles/{id}/reports",                          401, 404, 404, 404, 404);
        row("POST /api/sources",                                       401, 403, 403, 422, 403); // editors only
        row("GET /api/tasks",                                          401, 200, 200, 200, 200);
        row("POST /api/tasks/{id}/claim",                              401, 404, 404, 404, 404);
        row("POST /api/tasks/{id}/unclaim",                            401, 404, 404, 404, 404);
        row("POST /api/tasks/{id}/assign",                             401, 422, 422, 422, 422);
        row("POST /api/tasks/{id}/complete",                           401, 422, 422, 422, 422);
        row("GET /api/public/articles/{slug}",                         404, 404, 404, 404, 404);
        row("POST /api/public/articles/{slug}/feedback",               404, 404, 404, 404, 404);
        row("POST /api/public/articles/{slug}/helpful",                422, 422, 422, 422, 422);
        row("POST /api/admin/retractions",                             401, 403, 403, 403, 422);
        row("GET /api/admin/audit",                                    401, 403, 403, 403, 200);
        row("GET /api/admin/audit/verify",                             401, 403, 403, 403, 200);
        row("GET /api/admin/audit/export",                             401, 403, 403, 403, 200);
        row("GET /api/admin/articles/{id}/history",                    401, 403, 403, 403, 404);
        row("GET /api/admin/articles/{id}/history/export",             401, 403, 403, 403, 404);
        row("GET /api/admin/users",                                    401, 403, 403, 403, 200);
        row("POST /api/admin/users",                                   401, 403, 403, 403, 422);
        row("GET /api/admin/users/{username}",                         401, 403, 403, 403, 404);
        row("PATCH /api/admin/users/{username}",                       401, 403, 403, 403, 404);
        row("GET /admin/audit",                                        302, 403, 403, 403, 200);
        row("GET /admin/audit/verify",                                 302, 403, 403, 403, 200);
        row("GET /admin/articles/{id}",                                302, 403, 403, 403, 404);
        row("GET /admin/users",                                        302, 403, 403, 403, 200);
        row("POST /admin/users",                                       302, 403, 403, 403, 400);
        row("POST /admin/users/{username}",                            302, 403, 403, 403, 400);
        // staff pages (issue 7): anonymous is sent to the login page; unknown objects are 404 as in the API;
        // the task actions answer with a redirect back to /tasks carrying a message in words
        row("GET /login",                                              200, 200, 200, 200, 200);
        row("GET /tasks",                                              302, 200, 200, 200, 200);
        row("GET /tasks/{id}",                                         302, 404, 404, 404, 404);
        row("POST /tasks/{id}/claim",                                  302, 302, 302, 302, 302);
        row("POST /tasks/{id}/unclaim",                                302, 302, 302, 302, 302);
        row("POST /tasks/{id}/assign",                                 302, 302, 302, 302, 302);
        row("POST /tasks/{id}/complete",                               302, 302, 302, 302, 302);
        row("GET /articles",                                           302, 200, 200, 200, 200);
        row("GET /articles/new",                                       302, 200, 403, 403, 403);
        row("POST /articles",                                          302, 422, 403, 403, 403);
        row("POST /articles/preview",                                  302, 200, 200, 200, 200);
        row("GET /articles/{id}",                                      302, 404, 404, 404, 404);
        row("GET /articles/{id}/edit",                                 302, 404, 404, 404, 404);
        row("POST /articles/{id}/revisions",                           302, 404, 404, 404, 404);
        row("POST /articles/{id}/withdraw",                            302, 403, 403, 404, 403); // editors only
        row("GET /articles/{id}/revisions/{n}",                        302, 404, 404, 404, 404);
        // the reader's page (issue 5): anyone; an unknown slug is 404 for everyone
        row("GET /public/articles/{slug}",                             404, 404, 404, 404, 404);
        row("POST /public/articles/{slug}/feedback",                   404, 404, 404, 404, 404);
        row("POST /public/articles/{slug}/helpful",                    400, 400, 400, 400, 400);
    }

    /**
     * Paths no handler method serves: the engine's REST API (not served at all) and the Camunda
     * webapps (servlets and filters of Camunda's starter, for admins only; CamundaWebappsHttpTest).
     */
    private static final Map<String, int[]> UNSERVED = Map.of(
            "GET /engine-rest/task", new int[] {401, 403, 403, 403, 404},
            "GET /engine-rest/engine", new int[] {401, 403, 403, 403, 404},
            "GET /camunda/app/cockpit/default/", new int[] {302, 403, 403, 403, 200},
            // admins get past security: Camunda refuses an unpaged list (queryMaxResultsLimit)
            "GET /camunda/api/engine/engine/default/user", new int[] {302, 403, 403, 403, 400},
            "GET /camunda/app/admin/default/", new int[] {302, 403, 403, 403, 200},
            "GET /camunda/app/tasklist/default/", new int[] {302, 403, 403, 403, 200},
            "GET /camunda/api/engine/engine/default/user/count", new int[] {302, 403, 403, 403, 200},
            "GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics-count", new int[] {302, 403, 403, 403, 200},
            "POST /camunda/api/admin/setup/default/user/create", new int[] {302, 403, 403, 403, 403});

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyServedEndpointHasARowAndAnswersAsTheTableSays() {
        TreeSet<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    served.add("GET " + pattern);
                }
                for (RequestMethod method : methods) {
                    served.add(method.name() + " " + pattern);
                }
            }
        }
        Map<String, SessionClient> browsers = browsers();
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String endpoint : served) {
            int[] answers = answers(endpoint, browsers);
            int[] expected = EXPECTED.get(endpoint);
            if (expected == null) {
                missing.add(String.format("row(\"%s\", %d, %d, %d, %d, %d);", endpoint, answers[0], answers[1], answers[2],
                        answers[3], answers[4]));
                continue;
            }
            compare(endpoint, expected, answers, wrong);
        }
        List<String> stale = EXPECTED.keySet().stream().filter(e -> !served.contains(e)).toList();
        UNSERVED.forEach((endpoint, expected) -> compare(endpoint, expected, answers(endpoint, browsers), wrong));

        assertThat(missing).as("Endpoints served but missing from the authorization table of AuthorizationMatrixTest: "
                + "decide who may call each and add a row (here with the answers they gave now)").isEmpty();
        assertThat(stale).as("Rows for endpoints that are no longer served").isEmpty();
        assertThat(wrong).as("Answers that differ from the table").isEmpty();
        assertThat(served).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void objectLevelChecks() {
        Api api = api();
        com.imprimatur.support.Desk desk = new com.imprimatur.support.Desk(api);
        // another writer's article does not exist for you
        var draft = desk.create("writer", com.imprimatur.support.Desk.article("Matrix draft on allergies", 1));
        long id = draft.get("id").asLong();
        assertThat(api.get("writer2", "/api/articles/" + id).status()).isEqualTo(404);
        assertThat(api.get("writer2", "/api/articles/" + id + "/revisions/1/factcheck").status()).isEqualTo(404);
        assertThat(api.get("writer2", "/api/articles/" + id + "/decisions").status()).isEqualTo(404);
        assertThat(api.get("writer", "/api/articles/" + id).status()).isEqualTo(200);
        // a draft is not public by its slug
        assertThat(api.get(null, "/api/public/articles/" + draft.get("slug").asText()).status()).isEqualTo(404);
        // another reviewer's claimed task
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
        desk.claim("reviewer", task);
        assertThat(api.post("reviewer2", "/api/tasks/" + task + "/complete", com.imprimatur.support.Desk.approveAll(1)).status()).isEqualTo(403);
        assertThat(api.post("reviewer2", "/api/tasks/" + task + "/unclaim", "").status()).isEqualTo(409);
        assertThat(api.post("reviewer2", "/api/tasks/" + task + "/claim", "").status()).isEqualTo(409);
        assertThat(api.get("reviewer2", "/api/tasks?queue=mine").json().findValuesAsText("id")).doesNotContain(task);
        // the admin sees its history; nobody else reaches it
        assertThat(api.get("admin", "/api/admin/articles/" + id + "/history").status()).isEqualTo(200);
        assertThat(api.get("editor", "/api/admin/articles/" + id + "/history").status()).isEqualTo(403);
        assertThat(api.get("writer", "/api/admin/articles/" + id + "/history").status()).isEqualTo(403);
    }

    private static void compare(String endpoint, int[] expected, int[] answers, List<String> wrong) {
        for (int i = 0; i < CALLERS.size(); i++) {
            boolean anyAnswer = expected[i] == 999;
            if (!anyAnswer && expected[i] != answers[i]) {
                wrong.add(endpoint + " as " + CALLERS.get(i) + ": expected " + expected[i] + ", got " + answers[i]);
            }
            // whatever a cell says, only an admin may ever get past security on an admin or engine path
            if (i < 4 && (endpoint.contains(" /api/admin") || endpoint.contains(" /admin") || endpoint.contains("/engine-rest")
                    || endpoint.contains(" /camunda")) && answers[i] < 300) {
                wrong.add(endpoint + " as " + CALLERS.get(i) + " was answered " + answers[i]);
            }
        }
    }

    private Map<String, SessionClient> browsers() {
        Map<String, SessionClient> browsers = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            SessionClient browser = new SessionClient(port);
            if (!caller.equals("anonymous")) {
                assertThat(browser.login(caller, "demo").statusCode()).isEqualTo(302);
            }
            browsers.put(caller, browser);
        }
        return browsers;
    }

    private int[] answers(String endpoint, Map<String, SessionClient> browsers) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
        int[] answers = new int[CALLERS.size()];
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            String user = caller.equals("anonymous") ? null : caller;
            if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
                answers[i] = api(method, path, user);
            } else {
                SessionClient browser = browsers.get(caller);
                HttpResponse<String> answer = method.equals("GET") ? browser.get(path) : browser.postForm(path, Map.of("x", "y"));
                answers[i] = answer.statusCode();
            }
        }
        return answers;
    }

    private int api(String method, String path, String user) {
        Api api = api();
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path));
        if (method.equals("GET")) {
            request.GET();
        } else {
            boolean csv = path.endsWith("/retractions");
            request.header("Content-Type", csv ? "text/csv" : "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(csv ? "" : "{}"));
        }
        return api.send(user, request).status();
    }

    private static String concrete(String pattern) {
        String path = pattern.replace("{slug}", "no-such-article").replace("{username}", "nobody-matrix").replace("{n}", "1");
        path = path.startsWith("/api/tasks/") ? path.replace("{id}", "no-such-task") : path.replace("{id}", "999999999");
        return path.endsWith("/diff") ? path + "?against=1" : path;
    }
}
