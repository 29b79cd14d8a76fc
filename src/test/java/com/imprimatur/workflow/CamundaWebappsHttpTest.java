package com.imprimatur.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.support.SessionClient;
import com.imprimatur.support.IntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Camunda webapps over real HTTP: an admin who logged in once at /login is signed on in
 * Cockpit, Admin and Tasklist and their REST APIs; writers, reviewers and editors get 403, anonymous
 * callers the login page; the engine's own REST API stays unserved.
 */
class CamundaWebappsHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionClient loggedIn(String user) {
        SessionClient browser = new SessionClient(port);
        assertThat(browser.login(user, "demo").statusCode()).isEqualTo(302);
        return browser;
    }

    @Test
    void anAdminWhoLoggedInOnceOpensCockpitWithoutASecondLogin() {
        SessionClient browser = new SessionClient(port);
        HttpResponse<String> first = browser.get("/camunda/app/cockpit/default/");
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> login = browser.login("admin", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        String target = URI.create(login.headers().firstValue("Location").orElseThrow()).getRawPath();
        assertThat(target).isEqualTo("/camunda/app/cockpit/default/");

        HttpResponse<String> cockpit = browser.get(target);
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).contains("<base href=\"/camunda/app/cockpit/default/\"");
        // Camunda's own policy (a nonce for its scripts) and not our strict one, which would stop the app
        List<String> csp = cockpit.headers().allValues("Content-Security-Policy");
        assertThat(csp).hasSize(1);
        assertThat(csp.get(0)).contains("'nonce-").doesNotContain("script-src 'self';");

        // the webapps' REST API knows who is signed on: the admin of our session, with the admins group's rights
        JsonNode user = json(browser.get("/camunda/api/admin/auth/user/default"));
        assertThat(user.get("userId").asText()).isEqualTo("admin");
        assertThat(user.get("authorizedApps").toString()).contains("cockpit", "admin", "tasklist");
        // calls that need a Camunda authentication answer
        assertThat(json(browser.get("/camunda/api/engine/engine/default/process-definition?latestVersion=true&firstResult=0&maxResults=50"))
                .findValuesAsText("key")).contains("article-review");
        assertThat(browser.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
                + "?firstResult=0&maxResults=50").statusCode()).isEqualTo(200);
    }

    @Test
    void camundaSeesOurStaffReadOnly() {
        SessionClient admin = loggedIn("admin");
        assertThat(json(admin.get("/camunda/api/engine/engine/default/user?firstResult=0&maxResults=100"))
                .findValuesAsText("id")).contains("admin", "writer", "reviewer", "editor");
        assertThat(json(admin.get("/camunda/api/engine/engine/default/group?member=reviewer&firstResult=0&maxResults=10"))
                .findValuesAsText("id")).containsExactly("medical-reviewers");
        assertThat(json(admin.get("/camunda/api/engine/engine/default/group?member=admin&firstResult=0&maxResults=10"))
                .findValuesAsText("id")).contains("admins");
        assertThat(json(admin.get("/camunda/api/engine/engine/default/user/admin/profile")).get("firstName").asText())
                .isNotBlank();

        admin.get("/camunda/app/admin/default/");
        String token = admin.cookie("XSRF-TOKEN");
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", token);
        // users are managed at /admin/users, not in Camunda
        assertThat(admin.send("POST", "/camunda/api/engine/engine/default/user/create", headers,
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-password\"}}").statusCode())
                .isEqualTo(403);
        // and Camunda's own login never authenticates anyone, not even with the right password
        assertThat(admin.send("POST", "/camunda/api/admin/auth/user/default/login/cockpit",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", token),
                "username=admin&password=demo").statusCode()).isEqualTo(401);
    }

    @Test
    void theOtherWebappsOpenToo() {
        SessionClient admin = loggedIn("admin");
        for (String app : List.of("admin", "tasklist", "welcome")) {
            HttpResponse<String> page = admin.get("/camunda/app/" + app + "/default/");
            assertThat(page.statusCode()).as(app).isEqualTo(200);
            assertThat(page.body()).as(app).contains("<base href=\"/camunda/app/" + app + "/default/\"");
        }
        // the redirect chain from the bare path ends at the default engine
        HttpResponse<String> bare = admin.get("/camunda/app/cockpit/");
        assertThat(bare.statusCode()).isIn(301, 302, 303, 307);
        assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/camunda/app/cockpit/default/");
    }

    @Test
    void theWebappsModifyingCallsNeedCamundasCsrfToken() {
        SessionClient admin = loggedIn("admin");
        // a GET hands out Camunda's token (cookie and header), the webapps send it back as X-XSRF-TOKEN
        HttpResponse<String> page = admin.get("/camunda/app/cockpit/default/");
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElse(admin.cookie("XSRF-TOKEN"));
        assertThat(token).isNotBlank();
        HttpResponse<String> counted = admin.send("POST", "/camunda/api/engine/engine/default/process-instance/count",
                Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", token), "{}");
        assertThat(json(counted).get("count").isNumber()).isTrue();
        // without it: 403, and Camunda ends the session (ours too: it is one session), so a forged call logs the admin out
        assertThat(admin.send("POST", "/camunda/api/engine/engine/default/process-instance/count",
                Map.of("Content-Type", "application/json"), "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> after = admin.get("/camunda/app/cockpit/default/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void writersReviewersAndEditorsAreRefusedEverywhere() {
        for (String user : List.of("writer", "reviewer", "editor")) {
            SessionClient browser = loggedIn(user);
            for (String path : List.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
                    "/camunda/app/tasklist/default/", "/camunda/api/admin/auth/user/default",
                    "/camunda/api/engine/engine/", "/camunda/api/engine/engine/default/task",
                    "/camunda/api/cockpit/plugin/base/default/process-definition/statistics", "/camunda/lib/deps.js")) {
                assertThat(browser.get(path).statusCode()).as(user + " GET " + path).isEqualTo(403);
            }
            assertThat(browser.send("POST", "/camunda/api/engine/engine/default/task", Map.of(
                    "Content-Type", "application/json"), "{}").statusCode())
                    .as(user + " POST task query").isEqualTo(403);
            // and the engine's own REST API is not there for them either
            assertThat(browser.get("/engine-rest/engine").statusCode()).as(user + " /engine-rest").isIn(401, 403);
        }
    }

    @Test
    void anonymousCallersAreSentToTheLoginPage() {
        SessionClient browser = new SessionClient(port);
        for (String path : List.of("/camunda/app/cockpit/default/", "/camunda/api/admin/auth/user/default",
                "/camunda/api/engine/engine/", "/camunda/api/engine/engine/default/task")) {
            HttpResponse<String> answer = browser.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
        }
        assertThat(browser.send("POST", "/camunda/api/admin/auth/user/default/login/cockpit",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "username=admin&password=demo").statusCode())
                .isEqualTo(302);
        // HTTP Basic does not open the webapps, not even an admin's
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> withBasic = new SessionClient(port).send("GET", "/camunda/api/admin/auth/user/default",
                Map.of("Authorization", basic), null);
        assertThat(withBasic.statusCode()).isEqualTo(302);
        assertThat(withBasic.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(api().get(null, "/engine-rest/engine").status()).isEqualTo(401);
        assertThat(api().get("admin", "/engine-rest/engine").status()).isEqualTo(404);
    }

    @Test
    void noOneDeploysRedeploysOrDeletesModelsThroughTheWebapps() {
        String boundary = "imprimatur-probe";
        String model = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"probe\">"
                + "<process id=\"probe\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        for (String user : List.of("writer", "reviewer", "editor", "admin")) {
            SessionClient browser = loggedIn(user);
            // the webapps' own CSRF token, as Cockpit sends it (the admin gets one; the others get no further anyway)
            HttpResponse<String> page = browser.get("/camunda/app/cockpit/default/");
            String token = page.headers().firstValue("X-XSRF-TOKEN").orElse(String.valueOf(browser.cookie("XSRF-TOKEN")));
            Map<String, String> headers = Map.of("X-XSRF-TOKEN", token, "Content-Type", "multipart/form-data; boundary=" + boundary);
            for (String path : List.of("/camunda/api/engine/engine/default/deployment/create",
                    "/camunda/api/engine/engine/default/deployment/create/",
                    "/camunda/api/engine/engine/default/%64eployment/create")) {
                assertThat(browser.send("POST", path, headers, multipart).statusCode()).as(user + " POST " + path).isEqualTo(403);
            }
            Map<String, String> json = Map.of("X-XSRF-TOKEN", token, "Content-Type", "application/json");
            String deployment = "some-deployment-id";
            assertThat(browser.send("POST", "/camunda/api/engine/engine/default/deployment/" + deployment + "/redeploy", json, "{}")
                    .statusCode()).as(user + " redeploy").isEqualTo(403);
            assertThat(browser.send("DELETE", "/camunda/api/engine/engine/default/deployment/" + deployment + "?cascade=true", json, null)
                    .statusCode()).as(user + " delete deployment").isEqualTo(403);
            assertThat(browser.send("DELETE", "/camunda/api/engine/engine/default/process-definition/key/article-review/delete",
                    json, null).statusCode()).as(user + " delete definitions").isEqualTo(403);
        }
        // the refusals were ours, not Camunda's CSRF check (which would have ended the admin's session), and changed nothing
        SessionClient admin = loggedIn("admin");
        assertThat(json(admin.get("/camunda/api/engine/engine/default/deployment?firstResult=0&maxResults=50")).findValuesAsText("name"))
                .doesNotContain("probe");
        assertThat(json(admin.get("/camunda/api/engine/engine/default/process-definition?key=probe&firstResult=0&maxResults=5")))
                .isEmpty();
    }

    @Test
    void theWebappsQueriesTakeNoExpressions() {
        SessionClient admin = loggedIn("admin");
        HttpResponse<String> page = admin.get("/camunda/app/tasklist/default/");
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElse(admin.cookie("XSRF-TOKEN"));
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-XSRF-TOKEN", token);
        for (String query : List.of("{\"assigneeExpression\":\"${staffIdentity}\"}",
                "{\"orQueries\":[{\"assigneeExpression\":\"${staffIdentity}\"}]}")) {
            HttpResponse<String> answer = admin.send("POST", "/camunda/api/engine/engine/default/task?firstResult=0&maxResults=5",
                    headers, query);
            assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(query).contains("Expressions are forbidden");
        }
    }

    @Test
    void camundasFirstAdminSetupIsClosedEvenToAdmins() {
        SessionClient admin = loggedIn("admin");
        assertThat(admin.send("POST", "/camunda/api/admin/setup/default/user/create",
                Map.of("Content-Type", "application/json"),
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}").statusCode()).isEqualTo(403);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
