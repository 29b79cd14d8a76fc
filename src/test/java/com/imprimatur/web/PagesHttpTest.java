package com.imprimatur.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pages over plain HTTP: login, CSRF, the security headers and the same authorization as the API. */
class PagesHttpTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A browser-like session: cookies kept, redirects not followed. */
    private final class Session {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(api().uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(api().uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String token(String path) throws Exception {
            Matcher m = CSRF.matcher(get(path).body());
            assertThat(m.find()).as("a CSRF field on " + path).isTrue();
            return m.group(1);
        }

        Session login(String user) throws Exception {
            HttpResponse<String> in = post("/login", "username=" + user + "&password=demo&_csrf=" + token("/login"));
            assertThat(in.statusCode()).isEqualTo(302);
            assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return this;
        }
    }

    @Test
    void pagesNeedALoginAndCarryAStrictContentSecurityPolicy() throws Exception {
        Session anonymous = new Session();
        HttpResponse<String> tasks = anonymous.get("/tasks");
        assertThat(tasks.statusCode()).isEqualTo(302);
        assertThat(tasks.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.body()).contains("<label for=\"username\">", "<label for=\"password\">");
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");

        Session writer = new Session().login("writer");
        HttpResponse<String> page = writer.get("/tasks");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Maya Thornton", "Writer", "Log out").doesNotContain("<script>", " style=\"", " onclick=");
    }

    @Test
    void everyFormNeedsItsCsrfToken() throws Exception {
        Desk desk = new Desk(api());
        long article = desk.create("writer", Desk.article("CSRF check " + System.nanoTime(), 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", article);
        Session reviewer = new Session().login("reviewer");
        assertThat(reviewer.post("/tasks/" + task + "/claim", "").statusCode()).isEqualTo(403);
        assertThat(api().get("reviewer", "/api/tasks?queue=mine").json().findValuesAsText("id")).doesNotContain(task);
        String token = reviewer.token("/tasks");
        HttpResponse<String> claimed = reviewer.post("/tasks/" + task + "/claim", "_csrf=" + token);
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(api().get("reviewer", "/api/tasks?queue=mine").json().findValuesAsText("id")).contains(task);
    }

    @Test
    void thePagesRefuseWhatTheApiRefuses() throws Exception {
        Api api = api();
        Desk desk = new Desk(api);
        long article = desk.create("writer", Desk.article("Same rules " + System.nanoTime(), 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", article);

        Session writer2 = new Session().login("writer2");
        HttpResponse<String> notTheirs = writer2.get("/articles/" + article);
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.body()).contains("does not exist or is not visible to you");
        assertThat(writer2.get("/tasks/" + task).statusCode()).isEqualTo(404);
        assertThat(writer2.get("/articles").body()).doesNotContain("Same rules");

        Session author = new Session().login("writer");
        assertThat(author.get("/tasks/" + task).statusCode()).isEqualTo(404);
        Session reviewer = new Session().login("reviewer");
        assertThat(reviewer.get("/articles/new").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/articles/" + article + "/edit").statusCode()).isEqualTo(403);
        String token = reviewer.token("/tasks");
        HttpResponse<String> notClaimed = reviewer.post("/tasks/" + task + "/complete", "_csrf=" + token + "&decision=REJECT&comment=No");
        assertThat(notClaimed.statusCode()).isEqualTo(302);
        assertThat(api.get("editor", "/api/articles/" + article).json().get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void editorsAreOfferedPhysiciansButNeverTheAuthorWithTheirLoad() throws Exception {
        Desk desk = new Desk(api());
        long article = desk.create("writer", Desk.article("Assign me " + System.nanoTime(), 1)).get("id").asLong();
        String task = desk.awaitTask("reviewer", "available", "medicalReview", article);
        Session editor = new Session().login("editor");
        String page = editor.get("/tasks/" + task).body();
        assertThat(page).contains("Dr. Elena Marsh", "Internal medicine", "Dr. Rahul Iyer")
                .doesNotContain("value=\"writer\"");
        HttpResponse<String> assigned = editor.post("/tasks/" + task + "/assign", "_csrf=" + editor.token("/tasks/" + task) + "&username=reviewer2");
        assertThat(assigned.statusCode()).isEqualTo(302);
        assertThat(api().get("reviewer2", "/api/tasks?queue=mine").json().findValuesAsText("id")).contains(task);
        HttpResponse<String> toAuthor = editor.post("/tasks/" + task + "/assign", "_csrf=" + editor.token("/tasks/" + task) + "&username=writer");
        assertThat(toAuthor.headers().firstValue("Location").orElse("")).endsWith("/tasks/" + task + "#assign");
        assertThat(editor.get("/tasks/" + task).body()).contains("cannot take this task");
    }

    /** A revision rewritten from end to end: past the diff's budget, the pages and the API say so, and still show the change. */
    @Test
    void aRevisionTooDifferentToCompareWordByWordSaysSoOnItsPages() throws Exception {
        Api api = api();
        Desk desk = new Desk(api);
        String first = IntStream.range(0, 3_000).mapToObj(i -> "alpha" + i).collect(Collectors.joining(" "));
        long id = desk.create("writer", Desk.article("Rewritten from end to end", first + " (1).", 1)).get("id").asLong();
        desk.decide("reviewer", "medicalReview", id, Desk.decision("REQUEST_CHANGES", "Start again."));
        desk.awaitTask("writer", "mine", "revise", id);
        Api.Answer second = api.post("writer", "/api/articles/" + id + "/revisions",
                Desk.article("Rewritten from end to end", first.replace("alpha", "omega") + " (1).", 1));
        assertThat(second.status()).as(second.text()).isEqualTo(201);

        Api.Answer diff = api.get("writer", "/api/articles/" + id + "/revisions/2/diff?against=1");
        assertThat(diff.json().get("wordByWord").asBoolean()).isFalse();
        assertThat(diff.json().get("wordsDeleted").asInt()).isEqualTo(3_000);
        String revisionPage = new Session().login("writer").get("/articles/" + id + "/revisions/2").body();
        assertThat(revisionPage).contains("differ too much to compare", "word by word", "omega2999");
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
        assertThat(new Session().login("reviewer").get("/tasks/" + task).body()).contains("differ too much to compare");
        assertThat(new Session().login("admin").get("/admin/articles/" + id).body()).contains("differ too much to compare");
    }
}
