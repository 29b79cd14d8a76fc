package com.imprimatur.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.SessionClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrators' desk over HTTP: the landing, the sentences, the people's pages, the forced password change. */
class AdminDeskHttpTest extends IntegrationTest {

    static final String FIRST = "first password 123";
    static final String TEMPORARY = "temporary password 9";
    static final String CHOSEN = "chosen by them 2026";

    Api api;

    @BeforeEach
    void setUp() {
        api = api();
    }

    @Test
    void administratorsLandOnTheDeskAndEditorialStaffOnTheirTasks() {
        assertThat(landing("admin")).isEqualTo("/admin");
        assertThat(landing("editor")).isEqualTo("/tasks");
        assertThat(landing("writer")).isEqualTo("/tasks");
        SessionClient admin = session("admin", "demo");
        String home = admin.get("/admin").body();
        assertThat(home).contains("Admin desk", "events recorded", "Recent sign-ins and failures", "Site Administrator",
                "href=\"/admin/audit\"", "href=\"/admin/users\"", "href=\"/admin/articles\"", "href=\"/admin/retractions\"",
                "href=\"/camunda/app/cockpit/default/\"", "class=\"skip\"", "/css/app.css");
        // the admin links are for admins only
        assertThat(session("editor", "demo").get("/tasks").body()).doesNotContain("href=\"/admin/audit\"");
    }

    @Test
    void theTrailAndTheHistoryReadAsSentencesWithNamesAndLinks() {
        String title = "Sentences " + System.nanoTime();
        long id = new Desk(api).create("writer", Desk.article(title, 2)).get("id").asLong();
        SessionClient admin = session("admin", "demo");

        String trail = admin.get("/admin/audit?article=" + id).body();
        assertThat(trail).contains("Maya Thornton", "(writer)", "submitted", "revision 1", title, "with 2 references",
                "href=\"/admin/users/writer\"", "href=\"/admin/articles/" + id + "\"", "href=\"/articles/" + id + "/revisions/1\"");
        // the raw record is one click away, not in the sentence
        String beforeRecords = trail.substring(0, trail.indexOf("<details"));
        assertThat(beforeRecords).doesNotContain("\"sha256\"").doesNotContain("{\"");
        assertThat(trail).contains("<summary>Record", "revision.submitted");

        String signIns = events(admin.get("/admin/audit?kind=SIGN_INS").body());
        assertThat(signIns).contains("signed in").doesNotContain(title);
        String byWriter = events(admin.get("/admin/audit?kind=WRITING&actor=writer&article=" + id).body());
        assertThat(byWriter).contains(title).doesNotContain("signed in");

        String story = admin.get("/admin/articles/" + id).body();
        assertThat(story).contains("What happened, oldest first", "Maya Thornton", "started", "one revision only");
        assertThat(admin.get("/admin/articles").body()).contains(title);
    }

    @Test
    void aPasswordResetMustBeReplacedBeforeAnythingElse() {
        String name = "reset" + System.nanoTime() % 1_000_000;
        assertThat(api.post("admin", "/api/admin/users", Map.of("username", name, "displayName", "Reset Person",
                "roles", List.of("WRITER"), "password", FIRST)).status()).isEqualTo(201);
        SessionClient admin = session("admin", "demo");

        // a temporary password that is too short is refused beside its field
        HttpResponse<String> tooShort = admin.postForm("/admin/users/" + name + "/password", Map.of("password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(tooShort.body()).contains("id=\"err-temporary\"", "12 to 200 characters");

        HttpResponse<String> reset = admin.postForm("/admin/users/" + name + "/password", Map.of("password", TEMPORARY));
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + name).body()).contains("must choose a new one");

        // until they choose one: the API answers 403 with a type of its own, the pages lead to the form
        Api.Answer refused = basic(name, TEMPORARY, "/api/tasks?queue=mine");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("password-change-required");
        assertThat(basic(name, FIRST, "/api/tasks?queue=mine").status()).isEqualTo(401);
        SessionClient person = session(name, TEMPORARY);
        HttpResponse<String> tasks = person.get("/tasks");
        assertThat(tasks.statusCode()).isEqualTo(303);
        assertThat(tasks.headers().firstValue("Location").orElseThrow()).endsWith("/password");
        assertThat(person.get("/password").body()).contains("An administrator reset your password");

        HttpResponse<String> wrong = person.postForm("/password", Map.of("current", "not it at all", "password", CHOSEN, "repeat", CHOSEN));
        assertThat(wrong.body()).contains("id=\"err-current\"");
        HttpResponse<String> differ = person.postForm("/password", Map.of("current", TEMPORARY, "password", CHOSEN, "repeat", CHOSEN + "x"));
        assertThat(differ.body()).contains("id=\"err-repeat\"");
        HttpResponse<String> chosen = person.postForm("/password", Map.of("current", TEMPORARY, "password", CHOSEN, "repeat", CHOSEN));
        assertThat(chosen.statusCode()).isEqualTo(302);

        // the same session goes on; the API takes the new password
        assertThat(person.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(basic(name, CHOSEN, "/api/tasks?queue=mine").status()).isEqualTo(200);
        assertThat(basic(name, TEMPORARY, "/api/tasks?queue=mine").status()).isEqualTo(401);
        assertThat(admin.get("/admin/audit?kind=PEOPLE&actor=" + name).body())
                .contains("chose a new password after an administrator", "Reset Person");
    }

    @Test
    void eachPersonHasAPageWithConfirmedDisablingSessionsAndErrorsBesideTheFields() {
        String name = "page" + System.nanoTime() % 1_000_000;
        SessionClient admin = session("admin", "demo");
        HttpResponse<String> invalid = admin.postForm("/admin/users", Map.of("username", "Bad Name!", "displayName", "",
                "password", FIRST));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("id=\"err-username\"", "id=\"err-displayName\"", "id=\"err-roles\"", "aria-invalid=\"true\"");

        HttpResponse<String> created = admin.postForm("/admin/users", Map.of("username", name, "displayName", "Page Person",
                "roles", "MEDICAL_REVIEWER", "credentials", "M.D.", "password", FIRST));
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users/" + name);
        SessionClient person = session(name, FIRST);
        assertThat(person.get("/tasks").statusCode()).isEqualTo(200);

        String page = admin.get("/admin/users/" + name).body();
        assertThat(page).contains("Page Person", "Medical reviewer", "A browser session, last used", "End all sessions")
                .doesNotContain("MEDICAL_REVIEWER</");
        assertThat(admin.get("/admin/users?role=MEDICAL_REVIEWER&q=page%20person").body()).contains(name).doesNotContain(">writer<");
        assertThat(admin.get("/admin/users?sort=signin").body()).contains(name);

        assertThat(admin.get("/admin/users/" + name + "/disable").body()).contains("Disable Page Person?", "Yes, disable");
        admin.postForm("/admin/users/" + name + "/enabled", Map.of("enabled", "false"));
        assertThat(admin.get("/admin/users/" + name).body()).contains("Disabled: cannot sign in", "No open session");
        assertThat(person.get("/tasks").headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(admin.get("/admin/audit?kind=PEOPLE").body()).contains("disabled", "Page Person, M.D.");
    }

    /** The list of events of an audit page (the filters above it name every article). */
    private static String events(String page) {
        return page.substring(page.indexOf("data-test=\"audit-events\""));
    }

    private String landing(String user) {
        HttpResponse<String> home = session(user, "demo").get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        return home.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private SessionClient session(String user, String password) {
        SessionClient client = new SessionClient(port);
        assertThat(client.login(user, password).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private Api.Answer basic(String user, String password, String path) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.send(null, HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Basic " + token).GET());
    }
}
