package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plagiarism check through the route: the index, sources, the report, and re-runs. */
class PlagiarismHttpTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlagiarismCheck check;

    private final Random random = new Random(3);

    /** Roughly one word in six deleted, replaced or followed by an inserted word. */
    private String disguise(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            int op = random.nextInt(18);
            if (op == 0) {
                continue;
            }
            out.add(op == 1 ? "considerably" : w);
            if (op == 2) {
                out.add("indeed");
            }
        }
        return String.join(" ", out);
    }

    private long submittedAndApproved(Desk desk, String writer, String title, String body) {
        long id = desk.create(writer, Desk.article(title, body, 1)).get("id").asLong();
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        return id;
    }

    @Test
    void aDisguisedParagraphOfAPublishedArticleIsFlaggedWithItsPassageAndSource() {
        Api api = api();
        Desk desk = new Desk(api);
        Map<String, Object> original = Desk.article("Original on sleep hygiene", Desk.uniqueBody(160), 1);
        long originalId = desk.publish("writer", original, 1).get("id").asLong();
        String originalBody = original.get("body").toString();
        List<String> paragraph = List.of(originalBody.split(" ")).subList(30, 130);

        String body = Desk.uniqueBody(40) + "\n\n" + disguise(paragraph) + "\n\n" + Desk.uniqueBody(40);
        long id = submittedAndApproved(desk, "writer2", "Borrowed on sleep hygiene", body);
        desk.awaitTask("editor", "available", "resolvePlagiarism", id);

        JsonNode report = api.get("writer2", "/api/articles/" + id + "/revisions/1/plagiarism").json();
        assertThat(report.get("flagged").asBoolean()).isTrue();
        assertThat(report.get("matches")).hasSize(1);
        JsonNode match = report.get("matches").get(0);
        assertThat(match.get("source").get("kind").asText()).isEqualTo("article");
        assertThat(match.get("source").get("articleId").asLong()).isEqualTo(originalId);
        assertThat(match.get("source").get("title").asText()).isEqualTo("Original on sleep hygiene");
        assertThat(match.get("words").asInt()).isBetween(80, 125);
        assertThat(match.get("quoted").asBoolean()).isFalse();
        assertThat(body.substring(match.get("revisionStart").asInt(), match.get("revisionEnd").asInt()))
                .isEqualTo(match.get("text").asText());
        assertThat(originalBody.substring(match.get("sourceStart").asInt(), match.get("sourceEnd").asInt()))
                .isEqualTo(match.get("sourceText").asText());
        assertThat(report.get("similarityPercent").asDouble()).isGreaterThan(40);
        assertThat(report.get("candidates").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCleanRevisionPasses() {
        Desk desk = new Desk(api());
        long id = submittedAndApproved(desk, "writer", "Clean on stretching", Desk.uniqueBody(150));
        desk.awaitTask("editor", "available", "approvePublication", id);
        JsonNode report = api().get("editor", "/api/articles/" + id + "/revisions/1/plagiarism").json();
        assertThat(report.get("flagged").asBoolean()).isFalse();
        assertThat(report.get("matches")).isEmpty();
        assertThat(report.get("similarityPercent").asDouble()).isZero();
    }

    @Test
    void editorsRegisterSourcesAndTheCheckComparesAgainstThem() {
        Api api = api();
        Desk desk = new Desk(api);
        String text = "Preface.\n\n" + Desk.uniqueBody(120);
        Api.Answer created = api.post("editor", "/api/sources",
                Map.of("title", "Handbook of sleep, chapter 2", "url", "https://example.org/handbook", "text", text));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long sourceId = created.json().get("id").asLong();
        assertThat(created.json().get("words").asInt()).isEqualTo(121);
        assertThat(created.json().get("createdBy").asText()).isEqualTo("editor");

        String copied = String.join(" ", List.of(text.split(" ")).subList(20, 50));
        long id = submittedAndApproved(desk, "writer", "From the handbook", Desk.uniqueBody(50) + " " + copied + " " + Desk.uniqueBody(50));
        desk.awaitTask("editor", "available", "resolvePlagiarism", id);
        JsonNode match = api.get("editor", "/api/articles/" + id + "/revisions/1/plagiarism").json().get("matches").get(0);
        assertThat(match.get("source").get("kind").asText()).isEqualTo("source");
        assertThat(match.get("source").get("sourceId").asLong()).isEqualTo(sourceId);
        // 30 words, or one more where a common word next to the copy happens to be the same in both
        assertThat(match.get("words").asInt()).isBetween(30, 32);
        assertThat(text.substring(match.get("sourceStart").asInt(), match.get("sourceEnd").asInt())).contains(copied);

        // the editor's task screen shows the passage, the registered source and the offsets in both texts
        String task = desk.awaitTask("editor", "available", "resolvePlagiarism", id);
        com.imprimatur.support.SessionClient editor = new com.imprimatur.support.SessionClient(port);
        editor.login("editor", "demo");
        String page = editor.get("/tasks/" + task).body();
        assertThat(page).contains("Plagiarism report", "Handbook of sleep, chapter 2",
                "registered source <span>" + sourceId + "</span>",
                ">" + match.get("revisionStart").asInt() + "–" + match.get("revisionEnd").asInt() + "<",
                ">" + match.get("sourceStart").asInt() + "–" + match.get("sourceEnd").asInt() + "<",
                copied.split(" ")[5]);
    }

    @Test
    void theSameTextRegisteredTwiceIsOneSource() {
        Api api = api();
        String text = "Leaflet.\n\n" + Desk.uniqueBody(80);
        Api.Answer first = api.post("editor", "/api/sources", Map.of("title", "Leaflet on naps", "text", text));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        long id = first.json().get("id").asLong();
        int docs = jdbc.queryForObject("select count(*) from plag_doc", Integer.class);

        Api.Answer again = api.post("editor", "/api/sources", Map.of("title", "The same leaflet, another title", "text", text));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);
        assertThat(again.json().get("title").asText()).isEqualTo("Leaflet on naps");
        assertThat(again.json().get("fingerprints").asInt()).isEqualTo(first.json().get("fingerprints").asInt()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from plagiarism_source where sha256 = (select sha256 from plagiarism_source where id = ?)",
                Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from plag_doc", Integer.class)).isEqualTo(docs);
        assertThat(jdbc.queryForObject("select count(*) from plag_doc where source_id = ?", Integer.class, id)).isEqualTo(1);

        // a text differing by one character is another source
        assertThat(api.post("editor", "/api/sources", Map.of("title", "Leaflet on naps", "text", text + ".")).status()).isEqualTo(201);
    }

    @Test
    void badSourcesAreRefusedAndNothingIsStored() {
        Api api = api();
        int before = jdbc.queryForObject("select count(*) from plagiarism_source", Integer.class);
        Api.Answer blank = api.post("editor", "/api/sources", Map.of("title", "Empty", "text", "  "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        Api.Answer badUrl = api.post("editor", "/api/sources", Map.of("title", "Bad", "url", "javascript:alert(1)", "text", "words"));
        assertThat(badUrl.status()).isEqualTo(422);
        assertThat(api.post("editor", "/api/sources", Map.of("title", "Unknown field", "text", "x", "author", "y")).status()).isEqualTo(400);
        assertThat(api.post("writer", "/api/sources", Map.of("title", "A writer's", "text", "some words")).status()).isEqualTo(403);
        assertThat(api.post(null, "/api/sources", Map.of("title", "Nobody's", "text", "some words")).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from plagiarism_source", Integer.class)).isEqualTo(before);
    }

    @Test
    void anArticlesOwnEarlierRevisionsNeverCountAgainstIt() {
        Api api = api();
        Desk desk = new Desk(api);
        Map<String, Object> first = Desk.article("Own words on posture", Desk.uniqueBody(100), 1);
        long id = desk.publish("writer", first, 1).get("id").asLong();
        Map<String, Object> second = Desk.article("Own words on posture", first.get("body") + " " + Desk.uniqueBody(10), 1);
        assertThat(api.post("writer", "/api/articles/" + id + "/revisions", second).status()).isEqualTo(201);
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        desk.awaitTask("editor", "available", "approvePublication", id);
        assertThat(api.get("editor", "/api/articles/" + id + "/revisions/2/plagiarism").json().get("flagged").asBoolean()).isFalse();
    }

    @Test
    void aQuotedAndCitedPassageIsListedButDoesNotFlag() {
        Api api = api();
        Desk desk = new Desk(api);
        Map<String, Object> original = Desk.article("Quoted on allergies", Desk.uniqueBody(100), 1);
        desk.publish("writer", original, 1);
        String quote = String.join(" ", List.of(original.get("body").toString().split(" ")).subList(10, 35));
        long id = submittedAndApproved(desk, "writer2", "Quoting on allergies",
                Desk.uniqueBody(60) + " As one guide puts it, \u201C" + quote + "\u201D (1). " + Desk.uniqueBody(60));
        desk.awaitTask("editor", "available", "approvePublication", id);
        JsonNode report = api.get("editor", "/api/articles/" + id + "/revisions/1/plagiarism").json();
        assertThat(report.get("flagged").asBoolean()).isFalse();
        assertThat(report.get("matches")).hasSize(1);
        assertThat(report.get("matches").get(0).get("quoted").asBoolean()).isTrue();
        assertThat(report.get("quotedWords").asInt()).isEqualTo(25);
        assertThat(report.get("similarityPercent").asDouble()).isZero();
    }

    @Test
    void reRunningTheCheckReplacesTheReportWithoutDuplicates() {
        Api api = api();
        Desk desk = new Desk(api);
        Map<String, Object> original = Desk.article("Original on migraine", Desk.uniqueBody(100), 1);
        desk.publish("writer", original, 1);
        String copied = String.join(" ", List.of(original.get("body").toString().split(" ")).subList(0, 40));
        long id = submittedAndApproved(desk, "writer2", "Copy on migraine", Desk.uniqueBody(30) + " " + copied + " " + Desk.uniqueBody(30));
        desk.awaitTask("editor", "available", "resolvePlagiarism", id);
        String first = api.get("editor", "/api/articles/" + id + "/revisions/1/plagiarism").json().get("matches").toString();

        assertThat(check.run(id, 1)).isTrue();
        assertThat(check.run(id, 1)).isTrue();
        JsonNode again = api.get("editor", "/api/articles/" + id + "/revisions/1/plagiarism").json();
        assertThat(again.get("matches").toString()).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from plagiarism_report r join revision v on v.id = r.revision_id"
                + " where v.article_id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from plagiarism_match m join plagiarism_report r on r.id = m.report_id"
                + " join revision v on v.id = r.revision_id where v.article_id = ?", Integer.class, id)).isEqualTo(1);
    }
}
