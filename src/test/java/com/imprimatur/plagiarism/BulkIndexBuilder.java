package com.imprimatur.plagiarism;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the same index {@link FingerprintIndex} keeps, for many documents at once (the benchmark's
 * 10^4–10^6): fingerprints every document (in parallel), spills each posting as one long
 * (bucket | document | residual) into 64 partition files by the bucket's top bits, then sorts one
 * partition at a time, caps common fingerprints and writes each bucket's blob once. So it needs
 * memory for one partition (1/64 of the postings), not for the whole index.
 */
final class BulkIndexBuilder {

    private static final int PARTITION_BITS = 6;
    private static final int PARTITIONS = 1 << PARTITION_BITS;
    private static final long DOC_AND_RESIDUAL = (1L << 44) - 1;

    /** Word hashes of document d (1-based), made on demand. */
    interface Documents {
        long[] wordHashes(long document);
    }

    record Built(long documents, long postings, long buckets, long common, double seconds, long peakHeapBytes) {
    }

    private final Engine.Settings settings;
    private final int commonCap;
    private final Path spill;
    private final int threads;
    private long peakHeap;

    BulkIndexBuilder(Engine.Settings settings, int commonCap, Path spill, int threads) {
        this.settings = settings;
        this.commonCap = commonCap;
        this.spill = spill;
        this.threads = threads;
    }

    /** Indexes documents 1..count into empty tables; plag_doc ids equal the document numbers (kind SOURCE, source_id = id). */
    Built build(Connection db, long count, Documents documents) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(spill);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            parts.add(pool.submit(() -> spillRange(thread, count, documents)));
        }
        long postings = 0;
        long[] perDocument = new long[(int) count + 1];
        for (Future<long[]> part : parts) {
            long[] counts = part.get();
            for (int d = 1; d <= count; d++) {
                if (counts[d] > 0) {
                    perDocument[d] = counts[d];
                    postings += counts[d];
                }
            }
        }
        pool.shutdown();
        db.setAutoCommit(false);
        insertDocuments(db, count, perDocument);
        long buckets = 0;
        long common = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            long[] written = writePartition(db, p);
            buckets += written[0];
            common += written[1];
            db.commit();
            sampleHeap();
        }
        db.setAutoCommit(true);
        return new Built(count, postings, buckets, common, (System.nanoTime() - started) / 1e9, peakHeap);
    }

    long peakHeap() {
        return peakHeap;
    }

    private long[] spillRange(int thread, long count, Documents documents) throws IOException {
        DataOutputStream[] out = new DataOutputStream[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            out[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file(thread, p)), 1 << 17));
        }
        long[] counts = new long[(int) count + 1];
        for (long d = 1 + thread; d <= count; d += threads) {
            long[] keys = Fingerprints.winnowedKeys(Fingerprints.kgrams(documents.wordHashes(d), settings.k()), settings.w());
            counts[(int) d] = keys.length;
            for (long key : keys) {
                long packed = (long) Fingerprints.bucket(key) << 44 | d << 16 | Fingerprints.residual(key);
                out[Fingerprints.bucket(key) >>> (Fingerprints.BUCKET_BITS - PARTITION_BITS)].writeLong(packed);
            }
            if (d % 50_000 < threads) {
                sampleHeap();
            }
        }
        for (DataOutputStream o : out) {
            o.close();
        }
        return counts;
    }

    private void insertDocuments(Connection db, long count, long[] perDocument) throws SQLException {
        try (Statement st = db.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (long d = 1; d <= count; d++) {
                if (sql.isEmpty()) {
                    sql.append("insert into plag_doc (id, kind, source_id, fingerprints, words, indexed_at) values ");
                } else {
                    sql.append(',');
                }
                sql.append('(').append(d).append(",'SOURCE',").append(d).append(',').append(perDocument[(int) d])
                        .append(',').append(BenchCorpus.WORDS_PER_DOC).append(",now(6))");
                if (d % 10_000 == 0 || d == count) {
                    st.executeUpdate(sql.toString());
                    sql.setLength(0);
                }
            }
        }
        db.commit();
    }

    /** Sorts one partition's postings and writes its buckets; returns {buckets written, fingerprints capped}. */
    private long[] writePartition(Connection db, int partition) throws IOException, SQLException {
        long size = 0;
        for (int t = 0; t < threads; t++) {
            size += Files.size(file(t, partition)) / 8;
        }
        long[] all = new long[(int) size];
        int n = 0;
        for (int t = 0; t < threads; t++) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file(t, partition)), 1 << 17))) {
                long left = Files.size(file(t, partition)) / 8;
                for (long i = 0; i < left; i++) {
                    all[n++] = in.readLong();
                }
            }
            Files.delete(file(t, partition));
        }
        // all longs of a partition share their top bits, so signed order is the (bucket, document, residual) order
        Arrays.sort(all);
        sampleHeap();
        long buckets = 0;
        long capped = 0;
        int[] residualCount = new int[1 << Fingerprints.RESIDUAL_BITS];
        try (PreparedStatement bucketRow = db.prepareStatement("insert into plag_bucket (bucket, postings, entries) values (?, ?, ?)");
                PreparedStatement commonRow = db.prepareStatement("insert into plag_common (fp_key, docs, capped_at) values (?, ?, now(6))")) {
            int batched = 0;
            int from = 0;
            while (from < all.length) {
                int bucket = (int) (all[from] >>> 44);
                int to = from;
                while (to < all.length && (int) (all[to] >>> 44) == bucket) {
                    to++;
                }
                long[] postings = new long[to - from];
                for (int i = from; i < to; i++) {
                    postings[i - from] = all[i] & DOC_AND_RESIDUAL;
                    residualCount[PostingCodec.residual(postings[i - from])]++;
                }
                boolean anyCapped = false;
                for (long p : postings) {
                    int r = PostingCodec.residual(p);
                    if (residualCount[r] > commonCap) {
                        anyCapped = true;
                        commonRow.setLong(1, (long) bucket << Fingerprints.RESIDUAL_BITS | r);
                        commonRow.setInt(2, residualCount[r]);
                        commonRow.addBatch();
                        capped++;
                        residualCount[r] = -residualCount[r]; // listed once
                    }
                }
                if (anyCapped) {
                    postings = Arrays.stream(postings).filter(p -> residualCount[PostingCodec.residual(p)] >= 0).toArray();
                }
                for (int i = from; i < to; i++) {
                    residualCount[PostingCodec.residual(all[i] & DOC_AND_RESIDUAL)] = 0;
                }
                bucketRow.setInt(1, bucket);
                bucketRow.setBytes(2, PostingCodec.encode(postings, 0, postings.length));
                bucketRow.setInt(3, postings.length);
                bucketRow.addBatch();
                buckets++;
                if (++batched == 500) {
                    bucketRow.executeBatch();
                    batched = 0;
                }
                from = to;
            }
            bucketRow.executeBatch();
            commonRow.executeBatch();
        }
        return new long[] {buckets, capped};
    }

    private Path file(int thread, int partition) {
        return spill.resolve("t" + thread + "-p" + partition + ".bin");
    }

    private synchronized void sampleHeap() {
        Runtime rt = Runtime.getRuntime();
        peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
    }
}
