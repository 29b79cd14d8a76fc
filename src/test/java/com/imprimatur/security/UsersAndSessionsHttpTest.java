package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.SessionClient;
import com.imprimatur.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** User management over HTTP, and the hardening of logins and sessions. */
class UsersAndSessionsHttpTest extends IntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    SessionLifetime lifetime;

    Api api;

    @BeforeEach
    void setUp() {
        api = api();
    }

    @Test
    void anAdminCreatesAUserWhoThenLogsIn() {
        String name = unique("maria");
        Api.Answer created = api.post("admin", "/api/admin/users", user(name, List.of("MEDICAL_REVIEWER"), PASSWORD));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/admin/users/" + name);
        assertThat(created.json().get("credentials").asText()).isEqualTo("M.D.");
        assertThat(created.text()).doesNotContain("password");
        assertThat(basic(name, PASSWORD, "/api/tasks?queue=available").status()).isEqualTo(200);
        assertThat(api.get("admin", "/api/admin/users").json().findValuesAsText("username")).contains(name, "writer", "admin");

        assertThat(api.post("admin", "/api/admin/users", user(name, List.of("WRITER"), PASSWORD)).status()).isEqualTo(409);
        Api.Answer shortPassword = api.post("admin", "/api/admin/users", user(unique("x"), List.of("WRITER"), "short"));
        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(shortPassword.json().get("errors").findValuesAsText("field")).contains("password");
        assertThat(api.post("admin", "/api/admin/users", user("Bad Name!", List.of(), PASSWORD)).json()
                .get("errors").findValuesAsText("field")).contains("username", "roles");
        assertThat(api.post("editor", "/api/admin/users", user(unique("y"), List.of("ADMIN"), PASSWORD)).status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/admin/audit?actor=admin").json().get("events").findValuesAsText("type")).contains("user.created");
    }

    @Test
    void rolesProfileAndPasswordChangeAndAreAudited() {
        String name = unique("sam");
        api.post("admin", "/api/admin/users", user(name, List.of("WRITER"), PASSWORD));
        Api.Answer changed = patch("admin", name, Map.of("roles", List.of("WRITER", "EDITOR"), "specialty", "Dermatology",
                "password", "a brand new passphrase"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("roles").findValuesAsText("")).isEmpty();
        assertThat(changed.json().get("roles").toString()).contains("EDITOR", "WRITER");
        assertThat(basic(name, PASSWORD, "/api/articles").status()).isEqualTo(401);
        assertThat(basic(name, "a brand new passphrase", "/api/articles").status()).isEqualTo(200);
        List<String> types = api.get("admin", "/api/admin/audit?actor=admin&size=20").json().get("events").findValuesAsText("type");
        assertThat(types).contains("user.roles-changed", "user.profile-changed", "user.password-reset");
        assertThat(patch("admin", "nobody-at-all", Map.of("enabled", false)).status()).isEqualTo(404);
        assertThat(patch("admin", name, Map.of("username", "renamed")).status()).isEqualTo(422);
    }

    @Test
    void disablingAUserEndsTheirSessionAtOnce() {
        String name = unique("dana");
        api.post("admin", "/api/admin/users", user(name, List.of("WRITER"), PASSWORD));
        SessionClient browser = new SessionClient(port);
        HttpResponse<String> login = browser.login(name, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.get("/api/articles").statusCode()).isEqualTo(200);
        assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);

        Api.Answer disabled = patch("admin", name, Map.of("enabled", false));
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

        HttpResponse<String> after = browser.get("/api/articles");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(browser.get("/tasks").statusCode()).isEqualTo(302);
        assertThat(basic(name, PASSWORD, "/api/articles").status()).isEqualTo(401);
        assertThat(api.get("admin", "/api/admin/audit?actor=admin&size=5").json().get("events").findValuesAsText("type"))
                .contains("user.disabled");
    }

    @Test
    void theLastAdministratorStays() {
        // every other enabled administrator (made by tests) is disabled first: "admin" is then the last one
        for (JsonNode u : api.get("admin", "/api/admin/users").json()) {
            if (!u.get("username").asText().equals("admin") && u.get("enabled").asBoolean() && u.get("roles").toString().contains("ADMIN")) {
                assertThat(patch("admin", u.get("username").asText(), Map.of("enabled", false)).status()).isEqualTo(200);
            }
        }
        Api.Answer disable = patch("admin", "admin", Map.of("enabled", false));
        assertThat(disable.status()).isEqualTo(409);
        assertThat(disable.problemType()).isEqualTo("last-admin");
        assertThat(patch("admin", "admin", Map.of("roles", List.of("EDITOR"))).status()).isEqualTo(409);

        String second = unique("root");
        api.post("admin", "/api/admin/users", user(second, List.of("ADMIN"), PASSWORD));
        Api.Answer demote = patch("admin", second, Map.of("roles", List.of("WRITER")));
        assertThat(demote.status()).as(demote.text()).isEqualTo(200);
        assertThat(api.get("admin", "/api/admin/users/admin").json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void repeatedFailuresThrottleTheName() {
        String name = unique("tom");
        api.post("admin", "/api/admin/users", user(name, List.of("WRITER"), PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThat(basic(name, "wrong password " + i, "/api/articles").status()).isEqualTo(401);
        }
        Api.Answer throttled = basic(name, PASSWORD, "/api/articles");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.problemType()).isEqualTo("login-throttled");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 900L);
        // the form login is throttled too
        assertThat(new SessionClient(port).login(name, PASSWORD).headers().firstValue("Location").orElse("")).contains("error");
        List<String> types = api.get("admin", "/api/admin/audit?actor=" + name).json().get("events").findValuesAsText("type");
        assertThat(types.stream().filter("login.failed"::equals).count()).isEqualTo(5);
        assertThat(types).contains("login.locked");
    }

    @Test
    void theSessionIdIsRenewedAtLoginAndTheLoginIsAudited() {
        SessionClient browser = new SessionClient(port);
        browser.get("/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();
        assertThat(browser.login("editor", "demo").statusCode()).isEqualTo(302);
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(api.get("admin", "/api/admin/audit?actor=editor&size=5").json().get("events").findValuesAsText("type"))
                .contains("login.succeeded");
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetime() throws InterruptedException {
        SessionClient browser = new SessionClient(port);
        assertThat(browser.login("writer", "demo").statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/articles").statusCode()).isEqualTo(200);
        Duration normal = lifetime.absolute(Duration.ofMillis(1500));
        try {
            Thread.sleep(1700);
            assertThat(browser.get("/api/articles").statusCode()).isEqualTo(401);
        } finally {
            lifetime.absolute(normal);
        }
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        SessionClient browser = new SessionClient(port);
        browser.login("admin", "demo");
        for (HttpResponse<String> answer : List.of(browser.get("/admin/users"), browser.get("/api/articles"), browser.get("/login"))) {
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }
        assertThat(browser.get("/admin/users").body()).contains("name=\"_csrf\"", "writer", "Add a user");
    }

    @Test
    void theUsersPageCreatesAndDisables() {
        SessionClient browser = new SessionClient(port);
        browser.login("admin", "demo");
        String name = unique("page");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", name);
        form.put("displayName", "Paige Turner");
        form.put("roles", "WRITER");
        form.put("password", PASSWORD);
        HttpResponse<String> created = browser.postForm("/admin/users", form);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(api.get("admin", "/api/admin/users/" + name).json().get("displayName").asText()).isEqualTo("Paige Turner");
        HttpResponse<String> disabled = browser.postForm("/admin/users/" + name + "/enabled", Map.of("enabled", "false"));
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(api.get("admin", "/api/admin/users/" + name).json().get("enabled").asBoolean()).isFalse();
        SessionClient writer = new SessionClient(port);
        writer.login("writer", "demo");
        assertThat(writer.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void bothPasswordFormsGuessBehindTheThrottleAndEndOtherSessions() {
        String name = unique("pw");
        api.post("admin", "/api/admin/users", user(name, List.of("WRITER"), PASSWORD));
        SessionClient here = new SessionClient(port);
        SessionClient elsewhere = new SessionClient(port);
        here.login(name, PASSWORD);
        elsewhere.login(name, PASSWORD);
        // a borrowed session guessing the current password on /password is throttled like a login
        for (int i = 0; i < 5; i++) {
            assertThat(here.postForm("/password", Map.of("current", "guess number " + i, "password", "a brand new password",
                    "repeat", "a brand new password")).body()).contains("this is not your current password");
        }
        assertThat(here.postForm("/password", Map.of("current", PASSWORD, "password", "a brand new password",
                "repeat", "a brand new password")).body()).contains("too many wrong passwords");
        assertThat(api.get("admin", "/api/admin/audit?actor=" + name).json().get("events").findValuesAsText("type")
                .stream().filter("login.failed"::equals).count()).isEqualTo(5);
        assertThat(elsewhere.get("/tasks").statusCode()).isEqualTo(200);
    }

    @Test
    void theForcedPasswordPageEndsTheOtherSessions() {
        String name = unique("pw");
        api.post("admin", "/api/admin/users", user(name, List.of("WRITER"), PASSWORD));
        SessionClient here = new SessionClient(port);
        SessionClient elsewhere = new SessionClient(port);
        here.login(name, PASSWORD);
        elsewhere.login(name, PASSWORD);
        var changed = here.postForm("/password", Map.of("current", PASSWORD, "password", "a brand new password",
                "repeat", "a brand new password"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(here.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/tasks").statusCode()).isEqualTo(302);
    }

    private Api.Answer patch(String as, String username, Map<String, Object> body) {
        try {
            String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
            return api.send(as, HttpRequest.newBuilder(api.uri("/api/admin/users/" + username)).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Answer basic(String user, String password, String path) {
        return api.send(null, HttpRequest.newBuilder(api.uri(path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    private static Map<String, Object> user(String username, List<String> roles, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "Test " + username);
        body.put("credentials", "M.D.");
        body.put("specialty", "General practice");
        body.put("roles", roles);
        body.put("password", password);
        body.put("enabled", true);
        return body;
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
