package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.SessionClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** API tokens over HTTP: a writer's program works as the writer; a wrong, revoked or disabled owner's token is 401. */
class ApiTokensHttpTest extends IntegrationTest {

    private static final String PASSWORD = "token owner password";

    @Test
    void aWritersTokenCreatesAnArticleWithoutCsrfAndStopsWhenRevoked() {
        Api api = api();
        Api.Answer created = api.post("writer", "/api/me/tokens", Map.of("name", "CMS import", "expiresInDays", 30));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String token = created.json().get("token").asText();
        long id = created.json().get("id").asLong();
        assertThat(token).startsWith("imp_").hasSize(47);
        assertThat(created.json().get("expiresAt").asText()).isNotBlank();

        Api.Answer article = bearer(api, token, "POST", "/api/articles", Desk.article("Written by a program " + UUID.randomUUID(), 1));
        assertThat(article.status()).as(article.text()).isEqualTo(201);
        assertThat(bearer(api, token, "GET", "/api/articles/" + article.json().get("id").asLong(), null).json()
                .get("createdBy").asText()).isEqualTo("writer");
        // a writer's token has a writer's rights, no more
        assertThat(bearer(api, token, "GET", "/api/admin/users", null).status()).isEqualTo(403);

        Api.Answer mine = api.get("writer", "/api/me/tokens");
        assertThat(mine.text()).doesNotContain(token);
        assertThat(mine.json().findValues("id").stream().anyMatch(i -> i.asLong() == id)).isTrue();
        assertThat(mine.json().get(0).get("lastUsedAt")).isNotNull();
        assertThat(api.get("admin", "/api/admin/tokens").json().findValuesAsText("owner")).contains("writer");

        assertThat(api.send("writer", HttpRequest.newBuilder(api.uri("/api/me/tokens/" + id)).DELETE()).status()).isEqualTo(204);
        Api.Answer revoked = bearer(api, token, "GET", "/api/articles", null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.isProblem()).isTrue();
        assertThat(revoked.problemType()).isEqualTo("invalid-token");
        Api.Answer audit = api.get("admin", "/api/admin/audit?actor=writer");
        assertThat(audit.json().get("events").findValuesAsText("type"))
                .contains("token.created", "token.revoked", "token.used-after-revocation");

        Api.Answer wrong = bearer(api, "imp_" + "x".repeat(43), "GET", "/api/articles", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.isProblem()).isTrue();
        assertThat(bearer(api, "not-even-a-token", "GET", "/api/articles", null).status()).isEqualTo(401);
    }

    @Test
    void aTokenActsWithItsOwnersCurrentRolesAndStopsWhenTheOwnerIsDisabled() {
        Api api = api();
        String name = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("admin", "/api/admin/users", Map.of("username", name, "displayName", "Token Owner",
                "roles", List.of("WRITER"), "password", PASSWORD)).status()).isEqualTo(201);
        String token = basic(api, name, "POST", "/api/me/tokens", Map.of("name", "script")).json().get("token").asText();
        assertThat(bearer(api, token, "POST", "/api/sources", Map.of("title", "S", "text", Desk.uniqueBody(40))).status()).isEqualTo(403);

        patch(api, name, Map.of("roles", List.of("WRITER", "EDITOR")));
        assertThat(bearer(api, token, "POST", "/api/sources", Map.of("title", "S", "text", Desk.uniqueBody(40))).status()).isEqualTo(201);

        patch(api, name, Map.of("enabled", false));
        Api.Answer disabled = bearer(api, token, "GET", "/api/articles", null);
        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.isProblem()).isTrue();
        patch(api, name, Map.of("enabled", true));
        assertThat(bearer(api, token, "GET", "/api/articles", null).status()).isEqualTo(200);

        // another person's token is not found for them; an admin revokes it
        long id = basic(api, name, "GET", "/api/me/tokens", null).json().get(0).get("id").asLong();
        assertThat(api.send("writer2", HttpRequest.newBuilder(api.uri("/api/me/tokens/" + id)).DELETE()).status()).isEqualTo(404);
        assertThat(api.send("admin", HttpRequest.newBuilder(api.uri("/api/admin/tokens/" + id)).DELETE()).status()).isEqualTo(204);
        assertThat(bearer(api, token, "GET", "/api/articles", null).status()).isEqualTo(401);
    }

    @Test
    void theMePageShowsANewTokenOnceAndAPasswordChangeEndsOtherSessions() {
        Api api = api();
        String name = "me-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("admin", "/api/admin/users", Map.of("username", name, "displayName", "Page Person",
                "roles", List.of("MEDICAL_REVIEWER"), "password", PASSWORD)).status()).isEqualTo(201);
        SessionClient here = new SessionClient(port);
        SessionClient elsewhere = new SessionClient(port);
        here.login(name, PASSWORD);
        elsewhere.login(name, PASSWORD);

        // shown in the answer itself, never passed through the session store
        HttpResponse<String> created = here.postForm("/me/tokens", Map.of("name", "Monitoring"));
        assertThat(created.statusCode()).isEqualTo(200);
        String page = created.body();
        Matcher secret = Pattern.compile("data-test=\"token-secret\">(imp_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(secret.find()).as(page).isTrue();
        assertThat(here.get("/me").body()).doesNotContain(secret.group(1)).contains("Monitoring");
        assertThat(bearer(api, secret.group(1), "GET", "/api/tasks?queue=available", null).status()).isEqualTo(200);

        here.postForm("/me/password", Map.of("currentPassword", "wrong password!", "newPassword", "a new long password"));
        assertThat(here.get("/me").body()).contains("not your current password");
        here.postForm("/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "a new long password"));
        assertThat(here.get("/me").body()).contains("other session was ended");
        assertThat(elsewhere.get("/me").statusCode()).isEqualTo(302);
        assertThat(basic(api, name, "GET", "/api/me/tokens", null).status()).isEqualTo(401);
    }

    private static void patch(Api api, String name, Map<String, Object> change) {
        Api.Answer done = api.send("admin", HttpRequest.newBuilder(api.uri("/api/admin/users/" + name))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json(change))));
        assertThat(done.status()).as(done.text()).isEqualTo(200);
    }

    static Api.Answer bearer(Api api, String token, String method, String path, Object body) {
        return call(api, "Bearer " + token, method, path, body);
    }

    @Test
    void aTokenCannotMakeTokensAndAnAdministratorsPasswordResetStopsEveryToken() {
        Api api = api();
        String name = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("admin", "/api/admin/users", Map.of("username", name, "displayName", "Token Owner",
                "roles", List.of("WRITER"), "password", PASSWORD)).status()).isEqualTo(201);
        String token = basic(api, name, "POST", "/api/me/tokens", Map.of("name", "short", "expiresInDays", 1)).json().get("token").asText();
        // a leaked short-lived token cannot mint a lasting one
        Api.Answer minted = bearer(api, token, "POST", "/api/me/tokens", Map.of("name", "forever"));
        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.problemType()).isEqualTo("token-cannot-make-tokens");
        assertThat(basic(api, name, "GET", "/api/me/tokens", null).json()).hasSize(1);

        // the remedy for a compromised account stops what was made with the stolen password
        com.imprimatur.support.SessionClient admin = new com.imprimatur.support.SessionClient(port);
        admin.login("admin", "demo");
        assertThat(admin.postForm("/admin/users/" + name + "/password", Map.of("password", "a temporary password 1"))
                .statusCode()).isEqualTo(302);
        assertThat(bearer(api, token, "GET", "/api/articles", null).status()).isEqualTo(401);
        assertThat(api.get("admin", "/api/admin/audit?actor=admin").json().get("events").findValuesAsText("type"))
                .contains("token.revoked-all");
    }

    private static Api.Answer basic(Api api, String user, String method, String path, Object body) {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes());
        return call(api, "Basic " + credentials, method, path, body);
    }

    private static Api.Answer call(Api api, String authorization, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body)));
        return api.send(null, request);
    }

    private static String json(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
