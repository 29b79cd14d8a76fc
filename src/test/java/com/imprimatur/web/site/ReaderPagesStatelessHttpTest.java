package com.imprimatur.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.SessionClient;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Readers' pages keep no state: no session is made and no cookie set by reading, reporting or
 * voting, and the forms are guarded by a signed, expiring token and the browser's word on where a
 * post came from, not by a session's CSRF token.
 */
class ReaderPagesStatelessHttpTest extends IntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
    private static final AtomicInteger READERS = new AtomicInteger();
    /** No cookie handler: what a reader who refuses cookies sends. */
    private static final HttpClient NO_COOKIES = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReaderForms forms;

    @Test
    void readingThePageTwiceMakesNoSessionAndSetsNoCookieAndAStaffSessionStaysAsItWas() {
        JsonNode created = new Desk(api()).publish("writer", Desk.article("Hydration in old age " + System.nanoTime(), 1), 1);
        long article = created.get("id").asLong();
        String slug = created.get("slug").asText();
        long sessions = sessionsEverCreated();

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> page = get("/public/articles/" + slug);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(page.body()).contains("name=\"formToken\"").doesNotContain("_csrf");
        }
        // nor do its failures: an unknown article (404), a form address read with GET (405, through /error)
        assertThat(get("/public/articles/no-such-article").headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> wrongMethod = get("/public/articles/" + slug + "/feedback");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(sessionsEverCreated()).isEqualTo(sessions);

        // an editor reading the public page keeps the session they have, still logged in
        SessionClient editor = new SessionClient(port);
        assertThat(editor.login("editor", "demo").statusCode()).isEqualTo(302);
        assertThat(sessionsEverCreated()).as("the counter sees sessions").isGreaterThan(sessions);
        String id = editor.sessionId();
        HttpResponse<String> asEditor = editor.get("/public/articles/" + slug);
        assertThat(asEditor.statusCode()).isEqualTo(200);
        assertThat(asEditor.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(editor.sessionId()).isEqualTo(id);
        assertThat(editor.get("/tasks").statusCode()).isEqualTo(200);

        // the notice of a withdrawn article, read or posted to
        assertThat(api().post("editor", "/api/articles/" + article + "/withdraw", Map.of("reason", "Superseded.")).status())
                .isEqualTo(200);
        long withEditors = sessionsEverCreated();
        HttpResponse<String> gone = get("/public/articles/" + slug);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> postedToGone = post("/public/articles/" + slug + "/helpful",
                Map.of("helpful", "true", "formToken", forms.token(slug)), Map.of());
        assertThat(postedToGone.statusCode()).isEqualTo(410);
        assertThat(postedToGone.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(sessionsEverCreated()).isEqualTo(withEditors);
        assertThat(editor.sessionId()).isEqualTo(id);
    }

    @Test
    void aFormIsAcceptedWithItsTokenFromThisSiteAndRefusedOtherwiseStoringNothing() {
        JsonNode created = new Desk(api()).publish("writer", Desk.article("Salt and blood pressure " + System.nanoTime(), 1), 1);
        long article = created.get("id").asLong();
        String slug = created.get("slug").asText();
        String page = "/public/articles/" + slug;
        String token = token(get(page).body());
        long sessions = sessionsEverCreated();

        // no cookie, no Sec-Fetch-Site, no Origin (an old browser): the token alone lets it in
        HttpResponse<String> sent = post(page + "/feedback", report("The sodium figure is per 100 g, not per day.", token), Map.of());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(sent.headers().allValues("Set-Cookie")).isEmpty();
        java.net.URI location = java.net.URI.create(sent.headers().firstValue("Location").orElseThrow());
        assertThat(location.getRawPath()).isEqualTo(page);
        assertThat(location.getRawQuery()).startsWith("sent=");
        assertThat(location.getRawFragment()).isEqualTo("feedback");
        String reportId = jdbc.queryForObject("select public_id from feedback_report where article_id = ?", String.class, article);
        HttpResponse<String> thanks = get(page + "?" + location.getRawQuery());
        assertThat(thanks.body()).contains("Your report is stored under the number " + reportId);
        assertThat(thanks.headers().allValues("Set-Cookie")).isEmpty();
        // a receipt this service did not sign thanks no one
        assertThat(get(page + "?sent=" + java.util.UUID.randomUUID() + ".bogus").body()).doesNotContain("report-thanks");

        // a browser saying the post comes from this page is let in too
        assertThat(post(page + "/feedback", report("The figure for children is missing.", token),
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", origin())).statusCode()).isEqualTo(302);
        assertThat(reports(article)).isEqualTo(2);

        // refused in words, nothing stored: another site, a forged token, an expired one, none at all
        HttpResponse<String> crossSite = post(page + "/feedback", report("Click here for cheap pills.", token),
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://elsewhere.example"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("sent from another website").doesNotContain("cheap pills");
        HttpResponse<String> otherOrigin = post(page + "/feedback", report("From an old browser elsewhere.", token),
                Map.of("Origin", "https://elsewhere.example"));
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        int middle = token.indexOf('.') + 10;
        String forgedToken = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        HttpResponse<String> forged = post(page + "/feedback", report("A forged token.", forgedToken), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("could not be verified");
        String otherArticles = forms.token("another-article");
        assertThat(post(page + "/feedback", report("Another article's token.", otherArticles), Map.of()).statusCode()).isEqualTo(403);
        String expired = forms.token(slug, Instant.now().minusSeconds(60));
        HttpResponse<String> late = post(page + "/feedback", report("Typed slowly, kept for the reader.", expired),
                Map.of("Sec-Fetch-Site", "same-origin"));
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).contains("the form expired", "Typed slowly, kept for the reader.");
        assertThat(token(late.body())).isNotEqualTo(expired);
        assertThat(post(page + "/feedback", report("No token at all.", null), Map.of()).statusCode()).isEqualTo(403);
        assertThat(reports(article)).isEqualTo(2);

        // the helpful vote: the same rules
        assertThat(post(page + "/helpful", Map.of("helpful", "true", "formToken", token), Map.of("Sec-Fetch-Site", "cross-site"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> voted = post(page + "/helpful", Map.of("helpful", "true", "formToken", token), Map.of("Origin", origin()));
        assertThat(voted.statusCode()).isEqualTo(302);
        assertThat(voted.headers().firstValue("Location").orElse("")).endsWith(page + "?voted=1#helpful");
        assertThat(jdbc.queryForObject("select helpful from helpful_vote where article_id = ?", Long.class, article)).isEqualTo(1L);
        assertThat(sessionsEverCreated()).isEqualTo(sessions);
    }

    private long reports(long article) {
        return jdbc.queryForObject("select count(*) from feedback_report where article_id = ?", Long.class, article);
    }

    /** Sessions the container has made since it started (Tomcat's counter; none are made elsewhere while this runs). */
    /** Sessions live in MariaDB (Spring Session JDBC); none ends during these tests, so more rows means a session was made. */
    private long sessionsEverCreated() {
        return jdbc.queryForObject("select count(*) from SPRING_SESSION", Long.class);
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("a form token on the page").isTrue();
        return m.group(1);
    }

    private static Map<String, String> report(String comment, String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reason", "INACCURATE");
        fields.put("comment", comment);
        if (token != null) {
            fields.put("formToken", token);
        }
        return fields;
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(api().uri(path)).GET());
    }

    /** A form post from a reader of their own address (readers' limits count per address). */
    private HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
        int n = READERS.incrementAndGet();
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(api().uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "192.0.2." + (n % 250 + 1))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return NO_COOKIES.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
