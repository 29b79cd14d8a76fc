package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plagiarism benchmark of issue 3 — skipped unless {@code -Dbench=true}; run it with
 * {@code ./mvnw -B -Pbench-plagiarism test} (README, Plagiarism check). For each size (default
 * 10^4, 10^5, 10^6; {@code -Dbench.sizes=...}) it makes the database {@code imprimatur_bench_plag}
 * afresh with the application's migrations, bulk-builds the real MariaDB index of that many
 * 2,000-word documents ({@link BenchCorpus}), measures its size, adds documents one by one through
 * {@link FingerprintIndex#add} (what a publication does), and times candidate retrieval and the full
 * report for 2,000-word revisions that each copy a disguised 300-word passage of an indexed document.
 * Prints a table and writes {@code target/bench-plagiarism.json}.
 *
 * <p>{@code -Dbench.reuse=true} skips the build and queries the index the previous run left (one
 * size); {@code -Dbench.probes=} sets how many single 8-word copies are looked for.
 *
 * <p>Candidate texts are regenerated from their seed rather than read from MariaDB (the corpus
 * would be ~13 GB of text at 10^6); the index itself is the real one. The full report here is the
 * engine's work (fingerprints, retrieval, common-fingerprint look-up, alignment of every candidate,
 * policy), without saving the report row.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PlagiarismBenchmark {

    private static final String DATABASE = "imprimatur_bench_plag";
    private static final int WARMUP = 30;
    private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 300);
    private static final int QUERIES = 10;
    private static final int CANDIDATES = Integer.getInteger("bench.candidates", 100);
    private static final int INCREMENTAL = Integer.getInteger("bench.incremental", 200);
    private static final int COPIED_WORDS = 300;
    private static final double DISGUISE = 0.15;

    @Test
    void indexRetrievalAndReportAtScale() throws Exception {
        String server = System.getenv().getOrDefault("IMPRIMATUR_TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        String user = System.getenv().getOrDefault("IMPRIMATUR_TEST_DB_USER", "root");
        String password = System.getenv().getOrDefault("IMPRIMATUR_TEST_DB_PASSWORD", "");
        long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000").split(","))
                .mapToLong(s -> Long.parseLong(s.strip())).toArray();
        List<Map<String, Object>> results = new ArrayList<>();
        String bufferPool = System.getProperty("bench.bufferPool", String.valueOf(6L << 30));
        long oldPool;
        try (Connection admin = DriverManager.getConnection(server, user, password); Statement st = admin.createStatement()) {
            oldPool = value(st, "select @@innodb_buffer_pool_size");
            st.execute("set global innodb_buffer_pool_size = " + Long.parseLong(bufferPool));
        }
        try {
            for (long size : sizes) {
                results.add(run(server, user, password, size));
                write(results);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(server, user, password); Statement st = admin.createStatement()) {
                st.execute("set global innodb_buffer_pool_size = " + oldPool);
            }
        }
        print(results);
    }

    private Map<String, Object> run(String server, String user, String password, long size) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %,d documents ==%n", size);
        boolean reuse = Boolean.getBoolean("bench.reuse");
        try (Connection admin = DriverManager.getConnection(server, user, password); Statement st = admin.createStatement()) {
            if (!reuse) {
                st.execute("drop database if exists " + DATABASE);
                st.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_unicode_ci");
            }
        }
        String url = server.replaceFirst("/?$", "/") + DATABASE + "?nullDatabaseMeansCurrent=true";
        if (!reuse) {
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").outOfOrder(true).load().migrate();
        }

        Engine.Settings d = Engine.Settings.DEFAULT;
        Engine engine = new Engine(new Engine.Settings(Integer.getInteger("bench.k", d.k()), Integer.getInteger("bench.w", d.w()),
                d.seedWords(), d.gap(), d.strongRun(), d.chainFragments(), d.chainWords(), d.maxOccurrences()), Engine.Policy.DEFAULT);
        BenchCorpus corpus = new BenchCorpus(20261124L);
        int commonCap = Integer.getInteger("bench.commonCap", 1000);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("documents", size);
        r.put("wordsPerDocument", BenchCorpus.WORDS_PER_DOC);
        r.put("k", engine.settings().k());
        r.put("seedWords", engine.settings().seedWords());
        r.put("w", engine.settings().w());
        r.put("commonCap", commonCap);

        SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, password, true);
        try {
            if (reuse) {
                // -Dbench.reuse=true: query the index the last run left (same size and settings), build nothing
                query(engine, new FingerprintIndex(new JdbcTemplate(ds), commonCap), corpus, size, r);
                System.out.println(r);
                return r;
            }
            BulkIndexBuilder builder = new BulkIndexBuilder(engine.settings(), commonCap, Path.of("target", "bench-plag-spill"), 2);
            BulkIndexBuilder.Built built = builder.build(ds.getConnection(), size, corpus::wordHashes);
            System.out.printf(Locale.ROOT, "bulk build: %.1f s, %,d postings, %,d buckets, %,d common%n", built.seconds(),
                    built.postings(), built.buckets(), built.common());
            r.put("bulkSeconds", round(built.seconds()));
            r.put("bulkDocsPerSecond", Math.round(size / built.seconds()));
            r.put("postings", built.postings());
            r.put("postingsPerDocument", round((double) built.postings() / size));
            r.put("buckets", built.buckets());
            r.put("commonFingerprints", built.common());
            r.put("bulkPeakHeapMB", built.peakHeapBytes() >> 20);

            JdbcTemplate jdbc = new JdbcTemplate(ds);
            jdbc.execute("analyze table plag_bucket, plag_doc, plag_common");
            long blobBytes = jdbc.queryForObject("select coalesce(sum(length(postings)), 0) from plag_bucket", Long.class);
            long tableBytes = jdbc.queryForObject("select sum(data_length + index_length) from information_schema.tables"
                    + " where table_schema = ? and table_name in ('plag_bucket', 'plag_doc', 'plag_common')", Long.class, DATABASE);
            long bucketTableBytes = jdbc.queryForObject("select data_length + index_length from information_schema.tables"
                    + " where table_schema = ? and table_name = 'plag_bucket'", Long.class, DATABASE);
            r.put("blobBytesPerDocument", Math.round((double) blobBytes / size));
            r.put("bucketTableBytesPerDocument", Math.round((double) bucketTableBytes / size));
            r.put("indexTablesBytesPerDocument", Math.round((double) tableBytes / size));

            FingerprintIndex index = new FingerprintIndex(jdbc, commonCap);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            long started = System.nanoTime();
            for (int i = 1; i <= INCREMENTAL; i++) {
                long document = size + i;
                long[] keys = Fingerprints.winnowedKeys(Fingerprints.kgrams(corpus.wordHashes(document), engine.settings().k()),
                        engine.settings().w());
                tx.executeWithoutResult(s -> index.add(FingerprintIndex.SOURCE, null, null, null, document, keys, BenchCorpus.WORDS_PER_DOC));
            }
            double incremental = (System.nanoTime() - started) / 1e9;
            r.put("incrementalDocsPerSecond", round(INCREMENTAL / incremental));
            System.out.printf(Locale.ROOT, "incremental: %d documents in %.1f s%n", INCREMENTAL, incremental);

            query(engine, index, corpus, size, r);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            r.put("heapUsedAfterQueriesMB", (rt.totalMemory() - rt.freeMemory()) >> 20);
            r.put("maxHeapMB", rt.maxMemory() >> 20);
        } finally {
            ds.destroy();
        }
        System.out.println(r);
        return r;
    }

    private void query(Engine engine, FingerprintIndex index, BenchCorpus corpus, long size, Map<String, Object> r) {
        SplittableRandom random = new SplittableRandom(99);
        String[] texts = new String[QUERIES];
        long[] targets = new long[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            targets[q] = 1 + random.nextLong(size);
            texts[q] = corpus.revisionCopying(targets[q], COPIED_WORDS, DISGUISE, 1000 + q);
        }
        long[] retrieval = new long[REPETITIONS];
        long[] report = new long[REPETITIONS];
        int targetRetrieved = 0;
        int targetReported = 0;
        int flagged = 0;
        int candidates = 0;
        for (int rep = -WARMUP; rep < REPETITIONS; rep++) {
            int q = Math.floorMod(rep, QUERIES);
            long t0 = System.nanoTime();
            Engine.Prepared checked = engine.prepare(texts[q]);
            List<FingerprintIndex.Doc> docs = index.candidates(checked.winnowed(engine.settings()), -1, CANDIDATES);
            long t1 = System.nanoTime();
            long[] common = index.common(Fingerprints.allKeys(checked.indexGrams()));
            List<Engine.Candidate<Long>> prepared = new ArrayList<>();
            for (FingerprintIndex.Doc doc : docs) {
                prepared.add(new Engine.Candidate<>(doc.sourceId(), engine.prepare(corpus.text(doc.sourceId()))));
            }
            Engine.Result<Long> result = engine.compare(checked, prepared, common);
            long t2 = System.nanoTime();
            if (rep >= 0) {
                retrieval[rep] = t1 - t0;
                report[rep] = t2 - t0;
                long target = targets[q];
                targetRetrieved += docs.stream().anyMatch(d -> d.sourceId() == target) ? 1 : 0;
                targetReported += result.passages().stream().anyMatch(f -> f.source() == target && f.passage().words() >= 200) ? 1 : 0;
                flagged += result.flagged() ? 1 : 0;
                candidates += docs.size();
            }
        }
        Arrays.sort(retrieval);
        Arrays.sort(report);
        r.put("repetitions", REPETITIONS);
        r.put("retrievalP50ms", ms(retrieval, 0.50));
        r.put("retrievalP95ms", ms(retrieval, 0.95));
        r.put("reportP50ms", ms(report, 0.50));
        r.put("reportP95ms", ms(report, 0.95));
        r.put("sourceAmongCandidates", round((double) targetRetrieved / REPETITIONS));
        r.put("sourcePassageReported", round((double) targetReported / REPETITIONS));
        r.put("flagged", round((double) flagged / REPETITIONS));
        r.put("meanCandidates", round((double) candidates / REPETITIONS));
        // revisions copying one verbatim 8-word run of a random document: is it found among 30 candidates at this size?
        int probes = Integer.getInteger("bench.probes", 1000);
        int eightFound = 0;
        int eightFlagged = 0;
        for (int q = 0; q < probes; q++) {
            long target = 1 + random.nextLong(size);
            Engine.Prepared checked = engine.prepare(corpus.revisionCopying(target, 8, 0.0, 5000 + q));
            List<FingerprintIndex.Doc> docs = index.candidates(checked.winnowed(engine.settings()), -1, CANDIDATES);
            if (docs.stream().anyMatch(doc -> doc.sourceId() == target)) {
                eightFound++;
                List<Engine.Candidate<Long>> one = List.of(new Engine.Candidate<>(target, engine.prepare(corpus.text(target))));
                eightFlagged += engine.compare(checked, one, index.common(Fingerprints.allKeys(checked.indexGrams()))).flagged() ? 1 : 0;
            }
        }
        r.put("eightWordCopyAmongCandidates", round((double) eightFound / probes));
        r.put("eightWordCopyFlagged", round((double) eightFlagged / probes));
        assertThat(targetRetrieved).as("the copied document is among the candidates").isEqualTo(REPETITIONS);
    }

    private static double ms(long[] sorted, double q) {
        return round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static long value(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void write(List<Map<String, Object>> results) throws Exception {
        StringBuilder json = new StringBuilder("{\n  \"machine\": \"").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "))
                .append("\",\n  \"results\": [\n");
        for (int i = 0; i < results.size(); i++) {
            json.append("    {");
            int j = 0;
            for (Map.Entry<String, Object> e : results.get(i).entrySet()) {
                json.append(j++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(e.getValue());
            }
            json.append(i + 1 < results.size() ? "},\n" : "}\n");
        }
        json.append("  ]\n}\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "bench-plagiarism.json"), json);
    }

    private static void print(List<Map<String, Object>> results) {
        System.out.println();
        System.out.println("| documents | retrieval p50 / p95 ms | full report p50 / p95 ms | bulk build docs/s | incremental docs/s"
                + " | blob bytes/doc | index tables bytes/doc | peak heap build MB | heap after queries MB | 300-word copy found | 8-word copy found |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map<String, Object> r : results) {
            System.out.printf(Locale.ROOT, "| %,d | %s / %s | %s / %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", (Long) r.get("documents"),
                    r.get("retrievalP50ms"), r.get("retrievalP95ms"), r.get("reportP50ms"), r.get("reportP95ms"),
                    r.get("bulkDocsPerSecond"), r.get("incrementalDocsPerSecond"), r.get("blobBytesPerDocument"),
                    r.get("indexTablesBytesPerDocument"), r.get("bulkPeakHeapMB"), r.get("heapUsedAfterQueriesMB"),
                    r.get("sourceAmongCandidates"), r.get("eightWordCopyAmongCandidates"));
        }
    }
}
