package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fact-check over HTTP: the retraction import, the report, and its gates on APPROVE and
 * PUBLISH. The sample CSV (src/test/resources/factcheck) holds 10 notices, 2 of them without any
 * original identifier.
 */
class FactCheckHttpTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Desk desk;

    @BeforeEach
    void setUp() {
        api = api();
        desk = new Desk(api);
        Api.Answer imported = importCsv("admin", sample());
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("imported").asLong()).isEqualTo(8);
        assertThat(imported.json().get("skipped").asLong()).isEqualTo(2);
    }

    @Test
    void aRevisionCitingARetractedPaperAMissingReferenceAndAMalformedDoiIsBlockedUntilFixed() {
        String body = Desk.uniqueBody(30) + " Fluids matter (1). Salt matters (2). Sugar matters too (7).";
        Map<String, Object> content = content("Retracted sources on hydration", body,
                List.of(ref("Example A. Hydration markers. 2021.", "doi", "10.5555/rw.retracted.1"),
                        ref("Example B. Salt. 2020.", "doi", "10.55/not-a-doi")));
        long id = desk.create("writer", content).get("id").asLong();

        JsonNode report = report("reviewer", id, 1);
        assertThat(report.get("summary").get("blocking").asInt()).isEqualTo(3);
        assertThat(report.get("summary").get("approvable").asBoolean()).isFalse();
        JsonNode retracted = finding(report, "reference-retracted");
        assertThat(retracted.get("reference").asInt()).isEqualTo(1);
        assertThat(retracted.get("severity").asText()).isEqualTo("BLOCKING");
        assertThat(retracted.get("message").asText()).contains("2023-08-16").contains("Falsification/Fabrication");
        JsonNode orphan = finding(report, "citation-without-reference");
        assertThat(orphan.get("text").asText()).isEqualTo("(7)");
        assertThat(body.substring(orphan.get("start").asInt(), orphan.get("end").asInt())).isEqualTo("(7)");
        JsonNode malformed = finding(report, "invalid-doi");
        assertThat(malformed.get("reference").asInt()).isEqualTo(2);
        assertThat(malformed.get("message").asText()).contains("10.55/not-a-doi");
        JsonNode notice = report.get("references").get(0).get("notices").get(0);
        assertThat(notice.get("nature").asText()).isEqualTo("RETRACTION");
        assertThat(notice.get("matchedOn").asText()).isEqualTo("doi:10.5555/rw.retracted.1");
        assertThat(notice.get("title").asText()).isEqualTo("Hydration markers in Müller cohort");
        assertThat(notice.get("noticeDoi").asText()).isEqualTo("10.5555/rw.notice.1");

        // APPROVE is refused, with the findings, and nothing is recorded
        String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
        desk.claim("reviewer", task);
        Api.Answer refused = api.post("reviewer", "/api/tasks/" + task + "/complete", Desk.approveAll(2));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.problemType()).isEqualTo("fact-check-blocking");
        assertThat(refused.json().get("findings").findValuesAsText("code")).containsExactlyInAnyOrder(
                "citation-without-reference", "invalid-doi", "reference-retracted");
        assertThat(api.get("writer", "/api/articles/" + id + "/decisions").json()).isEmpty();
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("IN_REVIEW");

        // the physician asks for changes; the verdicts stand beside the automatic findings
        Map<String, Object> changes = Desk.decision("REQUEST_CHANGES", "Replace the retracted study; fix the DOI and (7).");
        changes.put("referenceVerdicts", List.of(Map.of("reference", 1, "verdict", "CONTRADICTS", "note", "retracted"),
                Map.of("reference", 2, "verdict", "UNVERIFIABLE")));
        Api.Answer requested = api.post("reviewer", "/api/tasks/" + task + "/complete", changes);
        assertThat(requested.status()).as(requested.text()).isEqualTo(200);
        JsonNode again = report("writer", id, 1);
        JsonNode verdict = again.get("references").get(0).get("verdict");
        assertThat(verdict.get("verdict").asText()).isEqualTo("CONTRADICTS");
        assertThat(verdict.get("note").asText()).isEqualTo("retracted");
        assertThat(verdict.get("reviewer").asText()).isEqualTo("reviewer");
        assertThat(again.get("references").get(1).get("verdict").get("verdict").asText()).isEqualTo("UNVERIFIABLE");
        assertThat(again.get("summary").get("blocking").asInt()).isEqualTo(3);

        // the fixed revision is clean, passes APPROVE and PUBLISH, and then meets every JAMA benchmark
        Map<String, Object> fixed = content("Retracted sources on hydration", Desk.uniqueBody(30)
                + " Fluids matter (1). Salt matters (2).", List.of(ref("Example C. Hydration. 2022.", "doi",
                "https://doi.org/10.5555/Sound.Source.1"), ref("Example B. Salt. 2020.", "doi", "doi:10.5555/salt.2.")));
        Api.Answer second = api.post("writer", "/api/articles/" + id + "/revisions", fixed);
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        JsonNode clean = report("reviewer", id, 2);
        assertThat(clean.get("findings")).isEmpty();
        assertThat(clean.get("summary").get("approvable").asBoolean()).isTrue();
        assertThat(clean.get("references").get(0).get("identifiers").get(0).get("normalized").asText())
                .isEqualTo("10.5555/sound.source.1");
        assertThat(jama(clean, "AUTHORSHIP")).isEqualTo("PENDING");
        assertThat(jama(clean, "ATTRIBUTION")).isEqualTo("PASS");
        assertThat(jama(clean, "DISCLOSURE")).isEqualTo("PASS");
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(2));
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        desk.awaitStatus(id, "PUBLISHED");
        JsonNode published = report("editor", id, 2);
        assertThat(published.get("jama").findValuesAsText("status")).containsOnly("PASS");
        assertThat(published.get("jama").get(0).get("detail").asText()).contains("Maya Thornton")
                .contains("Dr. Elena Marsh, M.D., FACP");
        assertThat(published.get("summary").get("publishable").asBoolean()).isTrue();
    }

    @Test
    void noticesMatchOnTheOriginalPaperByDoiOrPmidAndOnlyRetractionsBlock() {
        String body = Desk.uniqueBody(20) + " Six sources agree (1-6).";
        Map<String, Object> content = content("Notices of every kind", body, List.of(
                ref("Concern by PMID.", "pmid", "PMID: 90000002"),
                ref("Corrected.", "doi", "10.5555/rw.corrected.3"),
                ref("Cites the notice, not the paper.", "doi", "10.5555/rw.only-notice.9"),
                ref("Quoted in the CSV.", "doi", "DOI:10.5555/RW.QUOTED.6"),
                ref("Retracted, then reinstated.", "doi", "10.5555/rw.reinstated.7"),
                ref("Retracted, no date.", "doi", "10.5555/rw.nodate.10")));
        long id = desk.create("writer", content).get("id").asLong();
        JsonNode report = report("editor", id, 1);
        JsonNode refs = report.get("references");

        assertThat(codesOf(report, 1)).containsExactly("reference-expression-of-concern");
        assertThat(refs.get(0).get("notices").get(0).get("matchedOn").asText()).isEqualTo("pmid:90000002");
        assertThat(codesOf(report, 2)).containsExactly("reference-corrected");
        assertThat(codesOf(report, 3)).isEmpty();
        assertThat(refs.get(2).get("notices")).isEmpty();
        assertThat(codesOf(report, 4)).containsExactly("reference-retracted");
        assertThat(refs.get(3).get("notices").get(0).get("title").asText()).isEqualTo("Exercise, \"light\" and\nheavy, in older adults");
        assertThat(refs.get(3).get("notices").get(0).get("reason").asText()).isEqualTo("+Error in Analyses;+Results Not Reproducible;");
        assertThat(codesOf(report, 5)).containsExactly("reference-notice");
        assertThat(refs.get(4).get("notices")).hasSize(2);
        assertThat(codesOf(report, 6)).containsExactly("reference-retracted");
        assertThat(refs.get(5).get("notices").get(0).has("date")).isFalse();
        assertThat(report.get("summary").get("blocking").asInt()).isEqualTo(2);
        assertThat(report.get("summary").get("warnings").asInt()).isEqualTo(3);
    }

    @Test
    void everyIdentifierRuleAndTextFindingShowsThroughTheApi() {
        String body = "Most adults need 2 litres a day. Source (2) comes first (1). Then (2).";
        Map<String, Object> content = content("Identifiers of every kind", body, List.of(
                ref("Bad PMID.", "pmid", "12a"),
                Map.of("citation", "Bad PMCID, bad ISSN.", "pmcid", "7745181", "issn", "0028-4794"),
                ref("Bad address.", "url", "example.org/page"),
                Map.of("citation", "Good everything.", "doi", "10.1056/NEJMoa2034577", "pmid", "33301246",
                        "pmcid", "pmc7745181", "issn", "0028-4793", "url", "https://www.example.org/a"),
                Map.of("citation", "No identifier at all.")));
        long id = desk.create("writer", content).get("id").asLong();
        JsonNode report = report("writer", id, 1);

        assertThat(codesOf(report, 1)).containsExactly("invalid-pmid");
        assertThat(codesOf(report, 2)).containsExactlyInAnyOrder("invalid-pmcid", "invalid-issn",
                "reference-cited-out-of-order");
        assertThat(codesOf(report, 3)).containsExactlyInAnyOrder("invalid-url", "reference-not-cited");
        assertThat(codesOf(report, 4)).containsExactly("reference-not-cited");
        assertThat(codesOf(report, 5)).containsExactlyInAnyOrder("reference-not-cited", "no-identifier");
        assertThat(report.get("references").get(3).get("identifiers").findValuesAsText("normalized"))
                .containsExactly("10.1056/nejmoa2034577", "33301246", "PMC7745181", "0028-4793", "https://www.example.org/a");
        JsonNode claim = finding(report, "unsupported-claim");
        assertThat(claim.get("severity").asText()).isEqualTo("HINT");
        assertThat(claim.get("text").asText()).isEqualTo("Most adults need 2 litres a day.");
        assertThat(claim.get("start").asInt()).isZero();
        assertThat(report.get("summary").get("blocking").asInt()).isEqualTo(4);
        assertThat(jama(report, "ATTRIBUTION")).isEqualTo("FAIL");
        assertThat(report.get("citations").findValuesAsText("text")).containsExactly("(2)", "(1)", "(2)");
    }

    @Test
    void publicationIsRefusedWhileAJamaBenchmarkIsUnmet() {
        Map<String, Object> content = Desk.article("Undisclosed sponsorship of a sleep study", 1);
        content.remove("disclosure");
        long id = desk.create("writer", content).get("id").asLong();
        assertThat(jama(report("reviewer", id, 1), "DISCLOSURE")).isEqualTo("FAIL");
        desk.decide("reviewer", "medicalReview", id, Desk.approveAll(1));
        String task = desk.awaitTask("editor", "available", "approvePublication", id);
        desk.claim("editor", task);
        Api.Answer refused = api.post("editor", "/api/tasks/" + task + "/complete", Desk.decision("PUBLISH", null));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("jama-benchmarks-unmet");
        assertThat(refused.json().get("jama").findValuesAsText("benchmark")).containsExactly("DISCLOSURE");
        assertThat(desk.article("editor", id).get("status").asText()).isEqualTo("AWAITING_PUBLICATION");
        Api.Answer back = api.post("editor", "/api/tasks/" + task + "/complete",
                Desk.decision("RETURN_TO_WRITER", "Add the disclosure statement."));
        assertThat(back.status()).as(back.text()).isEqualTo(200);
    }

    @Test
    void theReportIsForThoseWhoMaySeeTheArticle() {
        long id = desk.create("writer", Desk.article("Private fact-check", 1)).get("id").asLong();
        assertThat(api.get("writer2", "/api/articles/" + id + "/revisions/1/factcheck").status()).isEqualTo(404);
        assertThat(api.get(null, "/api/articles/" + id + "/revisions/1/factcheck").status()).isEqualTo(401);
        assertThat(api.get("writer", "/api/articles/" + id + "/revisions/9/factcheck").status()).isEqualTo(404);
        JsonNode report = report("writer", id, 1);
        assertThat(report.get("findings")).isEmpty();
        assertThat(report.get("summary").get("approvable").asBoolean()).isTrue();
    }

    @Test
    void reimportingReplacesAndNeverDuplicates() {
        assertThat(retractionRows()).isEqualTo(8);
        assertThat(importCsv("admin", sample()).status()).isEqualTo(200);
        assertThat(retractionRows()).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(distinct record_id) from retraction", Long.class)).isEqualTo(8);
    }

    @Test
    void badCsvIsRefusedAndChangesNothing() {
        long before = retractionRows();
        byte[][] bad = {
                "Record ID,Title,RetractionNature\n1,x,Retraction\n".getBytes(StandardCharsets.UTF_8),
                ("OriginalPaperDOI,OriginalPaperPubMedID,RetractionNature\n10.5555/a,1,Retraction\n"
                        + "\"10.5555/b,2,Retraction\n").getBytes(StandardCharsets.UTF_8),
                "OriginalPaperDOI,OriginalPaperPubMedID,RetractionNature\nunavailable,0,Retraction\n".getBytes(StandardCharsets.UTF_8),
                new byte[0]};
        String[] types = {"csv-columns-missing", "csv-malformed", "csv-no-notices", "csv-empty"};
        for (int i = 0; i < bad.length; i++) {
            Api.Answer answer = importCsv("admin", bad[i]);
            assertThat(answer.status()).as(answer.text()).isEqualTo(422);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.problemType()).isEqualTo(types[i]);
            assertThat(retractionRows()).isEqualTo(before);
        }
        assertThat(importCsv("editor", sample()).status()).isEqualTo(403);
        assertThat(importCsv(null, sample()).status()).isEqualTo(401);
        Api.Answer json = api.post("admin", "/api/admin/retractions", Map.of("csv", "no"));
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.isProblem()).isTrue();
        assertThat(retractionRows()).isEqualTo(before);
    }

    @Test
    void theImportTakesFilesLargerThanTheGeneralRequestLimit() {
        StringBuilder csv = new StringBuilder("Record ID,Title,OriginalPaperDOI,OriginalPaperPubMedID,RetractionNature,RetractionDate,Reason\n");
        int rows = 12_000;
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(",\"A generated title, number ").append(i).append(", padded to look like a real one ")
                    .append("x".repeat(120)).append("\",10.5555/bulk.").append(i).append(',').append(80_000_000 + i)
                    .append(",Retraction,").append(i % 12 + 1).append("/1/2020 0:00,+Error in Data;\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(2 * 1024 * 1024);
        Api.Answer answer = importCsv("admin", bytes);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("imported").asLong()).isEqualTo(rows);
        assertThat(retractionRows()).isEqualTo(rows);
    }

    private Api.Answer importCsv(String user, byte[] csv) {
        return api.send(user, HttpRequest.newBuilder(api.uri("/api/admin/retractions"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    static byte[] sample() {
        try (InputStream in = FactCheckHttpTest.class.getResourceAsStream("/factcheck/retractions-sample.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long retractionRows() {
        return jdbc.queryForObject("select count(*) from retraction", Long.class);
    }

    private JsonNode report(String user, long id, int revision) {
        Api.Answer answer = api.get(user, "/api/articles/" + id + "/revisions/" + revision + "/factcheck");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode finding(JsonNode report, String code) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("code").asText().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + code + " in " + report.get("findings"));
    }

    private static List<String> codesOf(JsonNode report, int reference) {
        List<String> codes = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.has("reference") && f.get("reference").asInt() == reference) {
                codes.add(f.get("code").asText());
            }
        }
        return codes;
    }

    private static String jama(JsonNode report, String benchmark) {
        for (JsonNode item : report.get("jama")) {
            if (item.get("benchmark").asText().equals(benchmark)) {
                return item.get("status").asText();
            }
        }
        throw new AssertionError("no benchmark " + benchmark);
    }

    private static Map<String, Object> ref(String citation, String kind, String value) {
        return Map.of("citation", citation, kind, value);
    }

    private static Map<String, Object> content(String title, String body, List<Map<String, Object>> references) {
        Map<String, Object> content = new LinkedHashMap<>(Desk.article(title, body, 1));
        content.put("references", references);
        return content;
    }
}
