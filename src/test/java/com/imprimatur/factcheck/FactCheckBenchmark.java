package com.imprimatur.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fact-check benchmark of issue 4 — not part of the normal build (it is skipped unless
 * {@code -Dbench=true}); run it with {@code ./mvnw -B -Pbench-factcheck test}. It imports a
 * generated Retraction Watch-style CSV of 60,000 rows over HTTP, times the report of a 2,000-word
 * revision with 50 references after warm-up, and times retraction look-ups against a small and
 * the full table. Prints a table and writes {@code target/bench/factcheck.json}. It asserts no
 * timing; the figures go to the README.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class FactCheckBenchmark extends IntegrationTest {

    private static final int ROWS = 60_000;
    private static final int WORDS = 2_000;
    private static final int REFERENCES = 50;

    @Autowired
    FactCheck factCheck;

    @Autowired
    Retractions retractions;

    @Test
    void measure() throws IOException {
        Api api = api();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));

        // retraction look-ups on a small table first
        assertThat(importCsv(api, FactCheckBenchmark.class.getResourceAsStream("/factcheck/retractions-sample.csv").readAllBytes()).status()).isEqualTo(200);
        Set<String> oneDoi = Set.of("10.5555/rw.retracted.1");
        Set<Long> onePmid = Set.of(90000002L);
        Map<String, Object> small = lookups(oneDoi, onePmid, manyDois(), manyPmids());
        small.put("rows", retractions.count());

        // the 60,000-row file: three imports over HTTP (the first warms up)
        byte[] csv = generatedCsv(ROWS);
        Path file = Path.of("target", "bench", "retractions-60000.csv");
        Files.createDirectories(file.getParent());
        Files.write(file, csv);
        List<Long> importMillis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Api.Answer answer = importCsv(api, csv);
            importMillis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().get("imported").asLong() + answer.json().get("skipped").asLong()).isEqualTo(ROWS);
            results.put("importedRows", answer.json().get("imported").asLong());
            results.put("skippedRows", answer.json().get("skipped").asLong());
        }
        results.put("csv", Map.of("rows", ROWS, "bytes", csv.length, "file", file.toString()));
        results.put("importMillis", importMillis);
        Map<String, Object> full = lookups(Set.of("10.5555/bench.7"), Set.of(30000007L), manyDois(), manyPmids());
        full.put("rows", retractions.count());
        results.put("lookupSmallTable", small);
        results.put("lookupFullTable", full);

        // the report of a 2,000-word revision with 50 references
        Desk desk = new Desk(api);
        long id = desk.create("writer", article()).get("id").asLong();
        FactCheckReport sampleReport = factCheck.report(id, 1);
        results.put("report", Map.of("words", WORDS, "references", REFERENCES,
                "citations", sampleReport.citations().size(), "findings", sampleReport.findings().size(),
                "blocking", sampleReport.summary().blocking()));
        results.put("reportService", timings(() -> factCheck.report(id, 1).findings().size(), 2_000, 2_000));
        results.put("reportHttp", timings(() -> api.get("editor", "/api/articles/" + id + "/revisions/1/factcheck")
                .status(), 100, 200));

        print(results);
        Path json = Path.of("target", "bench", "factcheck.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        System.out.println("written " + json.toAbsolutePath());
    }

    private Map<String, Object> lookups(Set<String> doi, Set<Long> pmid, Set<String> dois, Set<Long> pmids) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("oneDoiAndOnePmid", timings(() -> retractions.about(doi, pmid).size(), 2_000, 5_000));
        m.put("fiftyDoisAndFiftyPmids", timings(() -> retractions.about(dois, pmids).size(), 1_000, 2_000));
        return m;
    }

    private static Set<String> manyDois() {
        Set<String> s = new java.util.HashSet<>();
        for (int i = 0; i < REFERENCES; i++) {
            s.add("10.5555/bench." + (i * 997));
        }
        return s;
    }

    private static Set<Long> manyPmids() {
        Set<Long> s = new java.util.HashSet<>();
        for (int i = 0; i < REFERENCES; i++) {
            s.add(30_000_000L + i * 991);
        }
        return s;
    }

    /** Warm-up runs, then timed runs: median, p95, p99 and mean in milliseconds. */
    private static Map<String, Object> timings(LongSupplier run, int warmUp, int runs) {
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += run.getAsLong();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink += run.getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("medianMs", ms(nanos[runs / 2]));
        m.put("p95Ms", ms(nanos[(int) (runs * 0.95)]));
        m.put("p99Ms", ms(nanos[(int) (runs * 0.99)]));
        m.put("meanMs", ms(Arrays.stream(nanos).sum() / runs));
        m.put("checksum", sink);
        return m;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> r) {
        System.out.println();
        System.out.println("Fact-check benchmark (" + r.get("machine") + ")");
        System.out.printf("%-52s %10s %10s %10s%n", "measure", "median ms", "p95 ms", "p99 ms");
        for (String key : List.of("reportService", "reportHttp")) {
            row(key + " (2,000 words, 50 references)", (Map<String, Object>) r.get(key));
        }
        for (String table : List.of("lookupSmallTable", "lookupFullTable")) {
            Map<String, Object> t = (Map<String, Object>) r.get(table);
            row("look-up 1 DOI + 1 PMID, " + t.get("rows") + " rows", (Map<String, Object>) t.get("oneDoiAndOnePmid"));
            row("look-up 50 DOIs + 50 PMIDs, " + t.get("rows") + " rows", (Map<String, Object>) t.get("fiftyDoisAndFiftyPmids"));
        }
        System.out.println("import of " + r.get("csv") + ": " + r.get("importMillis") + " ms (imported "
                + r.get("importedRows") + ", skipped " + r.get("skippedRows") + ")");
    }

    private static void row(String name, Map<String, Object> t) {
        System.out.printf("%-52s %10s %10s %10s%n", name, t.get("medianMs"), t.get("p95Ms"), t.get("p99Ms"));
    }

    private static Api.Answer importCsv(Api api, byte[] csv) {
        return api.send("admin", HttpRequest.newBuilder(api.uri("/api/admin/retractions"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    /** A 2,000-word body citing 50 references in order, some sentences with uncited numbers. */
    private static Map<String, Object> article() {
        Random random = new Random(4);
        String[] words = ("patients adults treatment sleep dose blood pressure heart kidney fluid salt sugar exercise "
                + "risk study trial weeks months daily evening morning symptoms doctor nurse clinic advice diet").split(" ");
        StringBuilder body = new StringBuilder();
        int written = 0;
        int sentence = 0;
        while (written < WORDS) {
            for (int w = 0; w < 14 && written < WORDS; w++, written++) {
                body.append(w == 0 ? "The" : words[random.nextInt(words.length)]).append(' ');
            }
            if (sentence % 3 == 2) {
                body.append("in ").append(10 + random.nextInt(80)).append(" of 100 cases. ");
            } else {
                int ref = Math.min(REFERENCES, sentence * REFERENCES / 140 + 1);
                body.append("k").append(Integer.toHexString(random.nextInt())).append(" (").append(ref).append("). ");
            }
            if (sentence % 10 == 9) {
                body.append("\n\n");
            }
            sentence++;
        }
        body.append("Closing words (").append(REFERENCES - 1).append(",").append(REFERENCES).append(").");
        List<Map<String, Object>> refs = new ArrayList<>();
        for (int i = 1; i <= REFERENCES; i++) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("citation", "Example Author " + i + ". A generated study. J Bench. 2024;" + i + ":1-9.");
            ref.put("doi", i % 10 == 0 ? "https://doi.org/10.5555/bench." + (i * 997) : "10.5555/bench-ok." + i);
            if (i % 2 == 0) {
                ref.put("pmid", String.valueOf(30_000_000 + i * 991));
            }
            if (i % 5 == 0) {
                ref.put("url", "https://www.example.org/papers/" + i);
            }
            refs.add(ref);
        }
        Map<String, Object> content = new LinkedHashMap<>(Desk.article("Benchmark revision", body.toString(), 1));
        content.put("references", refs);
        return content;
    }

    /** A Retraction Watch-style export: 20 columns, quoted fields, US dates, "0"/"unavailable", some Latin-1. */
    static byte[] generatedCsv(int rows) {
        Random random = new Random(2023);
        String[] natures = {"Retraction", "Retraction", "Retraction", "Retraction", "Retraction", "Retraction",
                "Retraction", "Correction", "Expression of concern", "Reinstatement"};
        String[] reasons = {"+Falsification/Fabrication of Data;", "+Concerns/Issues About Data;",
                "+Duplication of Image;", "+Investigation by Third Party;", "+Paper Mill;", "+Plagiarism of Text;",
                "+Error in Analyses;", "+Unreliable Results;", "+Breach of Policy by Author;"};
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 900);
        write(out, "Record ID,Title,Subject,Institution,Journal,Publisher,Country,Author,URLS,ArticleType,"
                + "RetractionDate,RetractionDOI,RetractionPubMedID,OriginalPaperDate,OriginalPaperDOI,"
                + "OriginalPaperPubMedID,RetractionNature,Reason,Paywalled,Notes\r\n");
        for (int i = 0; i < rows; i++) {
            StringBuilder r = new StringBuilder(900);
            r.append(10_000 + i).append(",\"A generated study of condition ").append(i)
                    .append(", with a title as long as a real one: effects, outcomes and \"\"follow-up\"\" in ")
                    .append(random.nextInt(5000)).append(" participants\",");
            r.append("(BLS) Biology - Cellular;(HSC) Medicine - Oncology;,\"Department of Examples, ");
            write(out, r.toString());
            if (i % 50 == 0) {
                out.write(new byte[] {'C', 'l', 'i', 'n', 'i', 'q', 'u', 'e', ' ', 'S', 'a', 'i', 'n', 't', '-', 'J', (byte) 0xE9,
                        'r', (byte) 0xF4, 'm', 'e'}, 0, 21);
            } else {
                write(out, "Example University Hospital");
            }
            r.setLength(0);
            r.append(", Example City, Example Country; Institute of Generated Research, Example Town\",");
            r.append("Journal of Generated Results ").append(i % 300).append(",Example Publisher,Example Country,");
            r.append("A Author;B Author;C Author;D Author,,Research Article;,");
            r.append(1 + random.nextInt(12)).append('/').append(1 + random.nextInt(28)).append('/')
                    .append(2000 + random.nextInt(25)).append(" 0:00,");
            r.append("10.5555/bench-notice.").append(i).append(',').append(i % 3 == 0 ? "0" : String.valueOf(40_000_000 + i)).append(',');
            r.append(1 + random.nextInt(12)).append('/').append(1 + random.nextInt(28)).append('/')
                    .append(1995 + random.nextInt(25)).append(" 0:00,");
            r.append(i % 20 == 19 ? "unavailable" : "10.5555/bench." + i).append(',');
            r.append(i % 5 == 4 ? "0" : String.valueOf(30_000_000 + i)).append(',');
            r.append(natures[i % natures.length]).append(',');
            r.append(reasons[random.nextInt(reasons.length)]).append(reasons[random.nextInt(reasons.length)]).append(",No,");
            r.append(i % 4 == 0 ? "\"See also the notice, and the journal's statement; " + "x".repeat(random.nextInt(200)) + "\"" : "");
            r.append("\r\n");
            write(out, r.toString());
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
