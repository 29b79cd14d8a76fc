package com.imprimatur.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.identity.UserName;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.SessionClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One identity per person, tried as someone would who types their name another way: random
 * spellings of existing names (case, surrounding white space, accents, decomposed accents,
 * full-width letters, look-alike letters) either fail to log in or act as the canonical user, with
 * exactly the canonical user's four-eyes, throttle, session and last-admin outcomes. The spellings
 * come from a seeded generator; the seed is in every failure message.
 */
class CanonicalIdentityHttpTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final long SEED = Long.getLong("identity.seed", System.nanoTime());

    Api api;
    Desk desk;
    Random random;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
        random = new Random(SEED);
    }

    @Test
    void theCanonicalFormIsTrimmedComposedAndLowerCase() {
        assertThat(UserName.canonical("  WRITER\t")).isEqualTo("writer");
        assertThat(UserName.canonical("Jose\u0301")).isEqualTo("jos\u00e9");
        assertThat(UserName.canonical("\u212Aate")).isEqualTo("kate"); // the Kelvin sign is a K
        assertThat(UserName.canonical("\uFF57riter")).isEqualTo("\uFF57riter"); // full width stays full width
        assertThat(UserName.canonical(null)).isEmpty();
    }

    @Test
    void aPhysicianWhoCoWroteAnArticleCannotClaimItsReviewUnderAnySpelling() {
        String physician = user("drwriter", "WRITER", "MEDICAL_REVIEWER");
        long id = created(physician);
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        assertThat(as(physician, PASSWORD, "POST", "/api/tasks/" + review + "/claim").status()).isEqualTo(403);
        for (String spelling : spellings(physician, 25)) {
            Api.Answer claim = as(spelling, PASSWORD, "POST", "/api/tasks/" + review + "/claim");
            assertThat(claim.status()).as("claim as '%s' (seed %d): %s", spelling, SEED, claim.text()).isIn(401, 403);
            Api.Answer assign = api.post("editor", "/api/tasks/" + review + "/assign", Map.of("username", spelling));
            assertThat(assign.status()).as("assign to '%s' (seed %d): %s", spelling, SEED, assign.text()).isEqualTo(422);
        }
        // the queue never offers it to them either, and nobody holds it
        assertThat(as(physician, PASSWORD, "GET", "/api/tasks?queue=available").json().findValuesAsText("id")).doesNotContain(review);
        assertThat(desk.article("editor", id).get("openTasks").findValuesAsText("assignee")).isEmpty();
    }

    @Test
    void anEditorWhoWroteRevisionTwoCannotHoldItsPublicationApprovalUnderAnySpelling() {
        String editor = user("edwriter", "EDITOR");
        long id = desk.create("writer", Desk.article("Editor wrote the second revision", 1)).get("id").asLong();
        desk.decide("reviewer", "medicalReview", id, Desk.decision("REQUEST_CHANGES", "Say more about dosing."));
        desk.awaitTask("writer", "mine", "revise", id);
        Api.Answer second = basic(editor, PASSWORD, HttpRequest.newBuilder(api.uri("/api/articles/" + id + "/revisions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        json(Desk.article("Editor wrote the second revision", 1)))));
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        desk.decide("reviewer2", "medicalReview", id, Desk.approveAll(1));
        String approval = desk.awaitTask("editor", "available", "approvePublication", id);
        for (String spelling : spellings(editor, 25)) {
            Api.Answer claim = as(spelling, PASSWORD, "POST", "/api/tasks/" + approval + "/claim");
            assertThat(claim.status()).as("claim as '%s' (seed %d): %s", spelling, SEED, claim.text()).isIn(401, 403);
        }
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        desk.awaitStatus(id, "PUBLISHED");
    }

    @Test
    void aSpellingThatLogsInActsAsTheCanonicalUser() {
        String physician = user("drqueue", "MEDICAL_REVIEWER");
        long id = desk.create("writer", Desk.article("Whose queue is it", 1)).get("id").asLong();
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        assertThat(as(physician, PASSWORD, "POST", "/api/tasks/" + review + "/claim").status()).isEqualTo(200);
        int loggedIn = 0;
        for (String spelling : spellings(physician, 30)) {
            Api.Answer mine = as(spelling, PASSWORD, "GET", "/api/tasks?queue=mine");
            assertThat(mine.status()).as("'%s' (seed %d)", spelling, SEED).isIn(200, 401);
            if (mine.status() == 200) {
                loggedIn++;
                assertThat(mine.json().findValuesAsText("id")).as("'%s' (seed %d) sees the canonical user's queue", spelling, SEED)
                        .contains(review);
                // and holds the task as that user: claiming again is a no-op, not a conflict with "another" holder
                assertThat(as(spelling, PASSWORD, "POST", "/api/tasks/" + review + "/claim").status()).isEqualTo(200);
            }
        }
        assertThat(loggedIn).as("some spellings differ only in case or white space (seed %d)", SEED).isPositive();
        assertThat(api.get("admin", "/api/admin/audit?actor=" + physician.toUpperCase()).json().get("events")
                .findValuesAsText("actor")).isNotEmpty().allMatch(physician::equals);
    }

    @Test
    void failuresUnderEverySpellingCountAgainstTheOneName() {
        String name = user("locked", "WRITER");
        List<String> variants = List.of(name.toUpperCase(), " " + name, capitalised(name), name + "\t", name.toUpperCase() + " ");
        for (String variant : variants) {
            assertThat(as(variant, "wrong password!", "GET", "/api/articles").status()).isEqualTo(401);
        }
        Api.Answer locked = as(name, PASSWORD, "GET", "/api/articles");
        assertThat(locked.status()).as("five failures under five spellings lock '%s'", name).isEqualTo(429);
        assertThat(as(name.toUpperCase(), PASSWORD, "GET", "/api/articles").status()).isEqualTo(429);
        List<String> actors = api.get("admin", "/api/admin/audit?actor=" + name).json().get("events").findValuesAsText("actor");
        assertThat(actors).hasSizeGreaterThanOrEqualTo(6).allMatch(name::equals);
    }

    @Test
    void disablingAUserEndsASessionOpenedUnderAnotherSpelling() {
        String name = user("session", "WRITER");
        SessionClient browser = new SessionClient(port);
        HttpResponse<String> login = browser.login(capitalised(name) + " ", PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(patch(name.toUpperCase(), Map.of("enabled", false)).status()).isEqualTo(200);
        HttpResponse<String> after = browser.get("/tasks");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(as(capitalised(name), PASSWORD, "GET", "/api/articles").status()).isEqualTo(401);
    }

    @Test
    void theLastAdministratorCannotBeDisabledUnderAnotherSpelling() {
        for (JsonNode u : api.get("admin", "/api/admin/users").json()) {
            if (!u.get("username").asText().equals("admin") && u.get("enabled").asBoolean() && u.get("roles").toString().contains("ADMIN")) {
                assertThat(patch(u.get("username").asText(), Map.of("enabled", false)).status()).isEqualTo(200);
            }
        }
        for (String spelling : List.of("ADMIN", "Admin", " admin ", "admin\t")) {
            Api.Answer disable = patch(spelling, Map.of("enabled", false));
            assertThat(disable.status()).as("'%s': %s", spelling, disable.text()).isEqualTo(409);
            assertThat(disable.problemType()).isEqualTo("last-admin");
        }
        // other spellings that are not the name do not exist
        assertThat(patch("\uFF41dmin", Map.of("enabled", false)).status()).isEqualTo(404);
        assertThat(patch("\u00e0dmin", Map.of("enabled", false)).status()).isEqualTo(404);
        assertThat(api.get("admin", "/api/admin/users/admin").json().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void aNewUserIsStoredUnderTheCanonicalName() {
        String typed = "  Dr.Mixed" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + " ";
        Api.Answer created = api.post("admin", "/api/admin/users", body(typed, List.of("WRITER")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String canonical = UserName.canonical(typed);
        assertThat(created.json().get("username").asText()).isEqualTo(canonical);
        assertThat(api.post("admin", "/api/admin/users", body(canonical.toUpperCase(), List.of("WRITER"))).status()).isEqualTo(409);
        assertThat(as(canonical, PASSWORD, "GET", "/api/articles").status()).isEqualTo(200);
    }

    /** Random spellings of {@code name}: some canonicalise to it, others are other names that must not log in as it. */
    private List<String> spellings(String name, int count) {
        Set<String> out = new LinkedHashSet<>();
        out.add(name.toUpperCase());
        out.add(" " + name + " ");
        out.add(toFullWidth(name));
        while (out.size() < count) {
            StringBuilder s = new StringBuilder();
            for (char c : name.toCharArray()) {
                switch (random.nextInt(9)) {
                    case 0, 1 -> s.append(Character.toUpperCase(c));
                    case 2 -> s.append(accented(c));
                    case 3 -> s.append(c).append(Character.isLetter(c) ? "\u0301" : ""); // a combining accent
                    case 4 -> s.append(Character.isLetter(c) ? (char) (c - 'a' + '\uFF41') : c);
                    case 5 -> s.append(c == 'k' ? '\u212A' : c == 'i' ? '\u0130' : c == 'e' ? '\u0435' : c);
                    default -> s.append(c);
                }
            }
            String spaces = random.nextBoolean() ? "" : List.of(" ", "\t", "\u2003", "\u00A0").get(random.nextInt(4));
            out.add(random.nextBoolean() ? spaces + s : s + spaces);
        }
        return new ArrayList<>(out);
    }

    private static char accented(char c) {
        return switch (c) {
            case 'a' -> '\u00e1';
            case 'e' -> '\u00e9';
            case 'i' -> '\u00ef';
            case 'o' -> '\u00f6';
            case 'u' -> '\u00fc';
            case 'n' -> '\u00f1';
            case 'c' -> '\u00e7';
            default -> Character.toUpperCase(c);
        };
    }

    private static String toFullWidth(String name) {
        StringBuilder s = new StringBuilder();
        for (char c : name.toCharArray()) {
            s.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + '\uFF41') : c);
        }
        return s.toString();
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private String user(String prefix, String... roles) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 6);
        Api.Answer created = api.post("admin", "/api/admin/users", body(name, List.of(roles)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return name;
    }

    private long created(String writer) {
        Api.Answer created = basic(writer, PASSWORD, HttpRequest.newBuilder(api.uri("/api/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Desk.article("Co-written by a physician " + writer, 1)))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private Api.Answer as(String user, String password, String method, String path) {
        return basic(user, password, HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("")));
    }

    private Api.Answer basic(String user, String password, HttpRequest.Builder request) {
        return api.send(null, request.header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    private Api.Answer patch(String username, Map<String, Object> body) {
        return api.send("admin", HttpRequest.newBuilder(api.uri("/api/admin/users/"
                + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20")))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private static Map<String, Object> body(String username, List<String> roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "Test " + username.strip());
        body.put("credentials", "M.D.");
        body.put("specialty", "General practice");
        body.put("roles", roles);
        body.put("password", PASSWORD);
        body.put("enabled", true);
        return body;
    }

    private static String json(Object body) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
