package com.imprimatur.plagiarism;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The durable fingerprint index in MariaDB (tables {@code plag_doc}, {@code plag_bucket},
 * {@code plag_common}). Every node reads and writes the same tables, so all see one index, and a
 * restart needs no rebuild. Writers lock {@code plag_index_lock} first and then rewrite the buckets
 * a document touches; readers fetch the query's buckets and count shared fingerprints per document.
 *
 * <p>Plain JDBC on the caller's transaction (a Spring-managed one in the application, a plain
 * connection in the benchmark).
 */
class FingerprintIndex {

    static final String ARTICLE_REVISION = "ARTICLE_REVISION";
    static final String SOURCE = "SOURCE";
    private static final int CHUNK = 400;
    private static final long STATEMENT_BYTES = 4L << 20;

    /** An indexed document, and how many of the query's fingerprints it shares. */
    record Doc(long id, String kind, Long articleId, Long revisionId, Integer revisionNumber, Long sourceId, int shared) {
    }

    private final JdbcTemplate jdbc;
    private final int commonCap;

    FingerprintIndex(JdbcTemplate jdbc, int commonCap) {
        this.jdbc = jdbc;
        this.commonCap = commonCap;
    }

    /**
     * Adds a document (a published revision, or a source) with its winnowed keys; a document
     * already indexed is left as it is. Returns the document's id.
     */
    long add(String kind, Long articleId, Long revisionId, Integer revisionNumber, Long sourceId, long[] keys, int words) {
        lock();
        List<Long> existing = revisionId != null
                ? jdbc.queryForList("select id from plag_doc where revision_id = ?", Long.class, revisionId)
                : jdbc.queryForList("select id from plag_doc where source_id = ?", Long.class, sourceId);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into plag_doc (kind, article_id, revision_id, revision_number, source_id,"
                    + " fingerprints, words, indexed_at) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, kind);
            ps.setObject(2, articleId);
            ps.setObject(3, revisionId);
            ps.setObject(4, revisionNumber);
            ps.setObject(5, sourceId);
            ps.setInt(6, keys.length);
            ps.setInt(7, words);
            ps.setTimestamp(8, Timestamp.from(Instant.now()));
            return ps;
        }, key);
        long documentId = key.getKey().longValue();
        long[] kept = without(keys, common(keys));
        TreeMap<Integer, List<Integer>> residualsByBucket = byBucket(kept);
        Map<Integer, byte[]> blobs = fetch(residualsByBucket.keySet());
        List<Object[]> writes = new ArrayList<>();
        List<Object[]> capped = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : residualsByBucket.entrySet()) {
            long[] old = PostingCodec.decode(blobs.getOrDefault(e.getKey(), PostingCodec.EMPTY));
            long[] merged = Arrays.copyOf(old, old.length + e.getValue().size());
            int n = old.length;
            for (int residual : e.getValue()) {
                merged[n++] = PostingCodec.posting(documentId, residual);
            }
            Arrays.sort(merged);
            long[] pruned = capCommon(e.getKey(), merged, capped);
            writes.add(new Object[] {e.getKey(), PostingCodec.encode(pruned, 0, pruned.length), pruned.length});
        }
        rows("insert into plag_bucket (bucket, postings, entries) values ",
                " on duplicate key update postings = values(postings), entries = values(entries)", writes);
        rows("insert ignore into plag_common (fp_key, docs, capped_at) values ", "", capped);
        return documentId;
    }

    /**
     * Writes rows as few statements ({@code values (…), (…), …}): a JDBC batch reaches MariaDB as one
     * statement per row (an article's two dozen buckets were as many upserts, each a round trip while
     * the index's lock is held). A statement takes at most {@link #CHUNK} rows and about
     * {@link #STATEMENT_BYTES} of blobs, far under MariaDB's packet limit. Every row has the same columns.
     */
    private void rows(String insert, String tail, List<Object[]> rows) {
        int from = 0;
        while (from < rows.size()) {
            int to = from;
            long bytes = 0;
            while (to < rows.size() && to - from < CHUNK && (to == from || bytes < STATEMENT_BYTES)) {
                for (Object value : rows.get(to)) {
                    bytes += value instanceof byte[] blob ? blob.length : 16;
                }
                to++;
            }
            List<Object[]> chunk = rows.subList(from, to);
            int columns = chunk.get(0).length;
            String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
            Object[] args = new Object[chunk.size() * columns];
            for (int i = 0; i < chunk.size(); i++) {
                System.arraycopy(chunk.get(i), 0, args, i * columns, columns);
            }
            jdbc.update(insert + String.join(", ", Collections.nCopies(chunk.size(), row)) + tail, args);
            from = to;
        }
    }

    /**
     * The documents sharing most of these keys, best first, leaving out every document of one
     * article. A shared fingerprint counts 1/df (df: the documents holding it), so one rare
     * fingerprint — a copied run — outweighs a handful of fingerprints half the corpus shares.
     */
    List<Doc> candidates(long[] keys, long excludedArticle, int limit) {
        TreeMap<Integer, List<Integer>> residualsByBucket = byBucket(keys);
        Map<Long, int[]> shared = new HashMap<>();
        Map<Long, double[]> score = new HashMap<>();
        for (List<Integer> chunk : chunks(new ArrayList<>(residualsByBucket.keySet()))) {
            String in = chunk.stream().map(String::valueOf).collect(Collectors.joining(","));
            jdbc.query("select bucket, postings from plag_bucket where bucket in (" + in + ")", rs -> {
                int[] wanted = residualsByBucket.get(rs.getInt(1)).stream().mapToInt(Integer::intValue).sorted().toArray();
                List<long[]> hits = new ArrayList<>();
                Map<Integer, Integer> df = new HashMap<>();
                PostingCodec.scan(rs.getBytes(2), wanted, (residual, document) -> {
                    hits.add(new long[] {residual, document});
                    df.merge(residual, 1, Integer::sum);
                });
                for (long[] hit : hits) {
                    shared.computeIfAbsent(hit[1], d -> new int[1])[0]++;
                    score.computeIfAbsent(hit[1], d -> new double[1])[0] += 1.0 / df.get((int) hit[0]);
                }
            });
        }
        if (shared.isEmpty()) {
            return List.of();
        }
        Set<Long> own = new HashSet<>(jdbc.queryForList("select id from plag_doc where article_id = ?", Long.class, excludedArticle));
        List<Map.Entry<Long, int[]>> ranked = shared.entrySet().stream().filter(e -> !own.contains(e.getKey()))
                .sorted((a, b) -> {
                    int byScore = Double.compare(score.get(b.getKey())[0], score.get(a.getKey())[0]);
                    return byScore != 0 ? byScore : Long.compare(a.getKey(), b.getKey());
                })
                .limit(limit).toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<Long, Doc> docs = new HashMap<>();
        String in = ranked.stream().map(e -> String.valueOf(e.getKey())).collect(Collectors.joining(","));
        jdbc.query("select id, kind, article_id, revision_id, revision_number, source_id from plag_doc where id in (" + in + ")",
                rs -> {
                    long id = rs.getLong(1);
                    docs.put(id, new Doc(id, rs.getString(2), (Long) rs.getObject(3, Long.class),
                            (Long) rs.getObject(4, Long.class), (Integer) rs.getObject(5, Integer.class),
                            (Long) rs.getObject(6, Long.class), shared.get(id)[0]));
                });
        return ranked.stream().map(e -> docs.get(e.getKey())).filter(d -> d != null).toList();
    }

    /** Those of these keys (sorted) that are capped as common, sorted. */
    long[] common(long[] keys) {
        List<Long> found = new ArrayList<>();
        List<Long> all = Arrays.stream(keys).boxed().toList();
        for (List<Long> chunk : chunks(all)) {
            String in = chunk.stream().map(String::valueOf).collect(Collectors.joining(","));
            found.addAll(jdbc.queryForList("select fp_key from plag_common where fp_key in (" + in + ")", Long.class));
        }
        return found.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Takes the index's writer lock until the caller's transaction ends (writers, and source registration, take it first). */
    void lock() {
        jdbc.queryForObject("select id from plag_index_lock where id = 1 for update", Integer.class);
    }

    /** The fingerprints recorded for an indexed source (0 when it is not indexed). */
    int sourceFingerprints(long sourceId) {
        List<Integer> n = jdbc.queryForList("select fingerprints from plag_doc where source_id = ?", Integer.class, sourceId);
        return n.isEmpty() ? 0 : n.get(0);
    }

    boolean contains(Long revisionId, Long sourceId) {
        Integer n = revisionId != null
                ? jdbc.queryForObject("select count(*) from plag_doc where revision_id = ?", Integer.class, revisionId)
                : jdbc.queryForObject("select count(*) from plag_doc where source_id = ?", Integer.class, sourceId);
        return n != null && n > 0;
    }

    /**
     * Drops every posting of a residual that more than {@code commonCap} documents share and lists
     * its key as common. Postings are sorted by document, so residuals are counted in a map.
     */
    private long[] capCommon(int bucket, long[] postings, List<Object[]> capped) {
        if (postings.length <= commonCap) {
            return postings;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (long p : postings) {
            counts.merge(PostingCodec.residual(p), 1, Integer::sum);
        }
        Set<Integer> over = new HashSet<>();
        counts.forEach((residual, n) -> {
            if (n > commonCap) {
                over.add(residual);
                capped.add(new Object[] {(long) bucket << Fingerprints.RESIDUAL_BITS | residual, n, Timestamp.from(Instant.now())});
            }
        });
        return over.isEmpty() ? postings : Arrays.stream(postings).filter(p -> !over.contains(PostingCodec.residual(p))).toArray();
    }

    /**
     * Reads the blobs of the buckets about to be rewritten, locking their rows ({@code for update},
     * in bucket order, so two writers never lock in opposite orders). A locking read sees the latest
     * committed blob whatever the transaction's isolation level: under REPEATABLE READ a plain select
     * would read the transaction's older snapshot, and the rewrite would drop postings another node
     * committed since.
     */
    private Map<Integer, byte[]> fetch(Set<Integer> buckets) {
        Map<Integer, byte[]> blobs = new HashMap<>();
        List<Integer> ordered = new ArrayList<>(buckets);
        ordered.sort(null);
        for (List<Integer> chunk : chunks(ordered)) {
            String in = chunk.stream().map(String::valueOf).collect(Collectors.joining(","));
            jdbc.query("select bucket, postings from plag_bucket where bucket in (" + in + ") order by bucket for update",
                    rs -> {
                        blobs.put(rs.getInt(1), rs.getBytes(2));
                    });
        }
        return blobs;
    }

    static TreeMap<Integer, List<Integer>> byBucket(long[] keys) {
        TreeMap<Integer, List<Integer>> buckets = new TreeMap<>();
        for (long key : keys) {
            buckets.computeIfAbsent(Fingerprints.bucket(key), b -> new ArrayList<>(1)).add(Fingerprints.residual(key));
        }
        return buckets;
    }

    private static long[] without(long[] keys, long[] sortedOut) {
        if (sortedOut.length == 0) {
            return keys;
        }
        return Arrays.stream(keys).filter(k -> Arrays.binarySearch(sortedOut, k) < 0).toArray();
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
