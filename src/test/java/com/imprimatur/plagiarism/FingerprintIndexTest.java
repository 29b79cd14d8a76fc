package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.IntegrationTest;
import java.sql.Connection;
import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The durable index on the test MariaDB, with made-up fingerprint keys (random 36-bit values no real
 * text will share) and a common-fingerprint cap of 2, so that capping can be seen.
 */
class FingerprintIndexTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private static long[] keys(long... keys) {
        long[] sorted = keys.clone();
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    private static long randomKey() {
        return ThreadLocalRandom.current().nextLong(1L << Fingerprints.KEY_BITS);
    }

    @Test
    void ranksBySharedFingerprintsLeavesOutTheArticleAndCapsCommonOnes() {
        FingerprintIndex index = new FingerprintIndex(jdbc, 2);
        long base = 4_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        long shared = randomKey();
        long a = randomKey();
        long b = randomKey();
        long c = randomKey();
        long one = index.add(FingerprintIndex.SOURCE, null, null, null, base + 1, keys(shared, a, b), 3);
        long two = index.add(FingerprintIndex.SOURCE, null, null, null, base + 2, keys(shared, a), 2);
        long own = index.add(FingerprintIndex.ARTICLE_REVISION, base, base + 3, 1, null, keys(b, c), 2);

        List<FingerprintIndex.Doc> found = index.candidates(keys(shared, a, b, c), base, 10);
        assertThat(found).extracting(FingerprintIndex.Doc::id).containsExactly(one, two);
        assertThat(found).extracting(FingerprintIndex.Doc::shared).containsExactly(3, 2);
        assertThat(index.candidates(keys(c), base + 99, 10)).extracting(FingerprintIndex.Doc::id).containsExactly(own);

        // a third document with the shared key: now in more documents than the cap, it is dropped and listed
        index.add(FingerprintIndex.SOURCE, null, null, null, base + 4, keys(shared), 1);
        assertThat(index.common(keys(shared, a))).containsExactly(shared);
        assertThat(index.candidates(keys(shared), base, 10)).isEmpty();
        long four = index.add(FingerprintIndex.SOURCE, null, null, null, base + 5, keys(shared, c), 2);
        assertThat(index.candidates(keys(shared, c), base, 10)).extracting(FingerprintIndex.Doc::id).containsExactly(four);

        // adding a document again changes nothing
        assertThat(index.add(FingerprintIndex.SOURCE, null, null, null, base + 1, keys(shared, a, b), 3)).isEqualTo(one);
        assertThat(index.candidates(keys(a), base, 10)).extracting(FingerprintIndex.Doc::shared).containsExactly(1, 1);
    }

    /**
     * A long document's buckets go to MariaDB a few hundred rows to a statement: every bucket of every
     * statement lands, and a second document merges into the same buckets (the upsert's update).
     */
    @Test
    void aDocumentOfMoreBucketsThanOneStatementTakesIsIndexedWhole() {
        FingerprintIndex index = new FingerprintIndex(jdbc, 1000);
        long base = 5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        java.util.TreeSet<Integer> buckets = new java.util.TreeSet<>();
        java.util.TreeSet<Long> distinct = new java.util.TreeSet<>();
        while (distinct.size() < 1_000) {
            long key = randomKey();
            if (buckets.add(Fingerprints.bucket(key))) {
                distinct.add(key);
            }
        }
        long[] many = distinct.stream().mapToLong(Long::longValue).toArray();
        long[] half = java.util.Arrays.copyOf(many, 500);
        long first = index.add(FingerprintIndex.SOURCE, null, null, null, base + 1, many, 1_000);
        long second = index.add(FingerprintIndex.SOURCE, null, null, null, base + 2, half, 500);

        List<FingerprintIndex.Doc> found = index.candidates(many, -1, 10);
        assertThat(found.subList(0, 2)).extracting(FingerprintIndex.Doc::id).containsExactly(first, second);
        assertThat(found.subList(0, 2)).extracting(FingerprintIndex.Doc::shared).containsExactly(1_000, 500);
    }

    @Autowired
    DataSource dataSource;

    /**
     * A writer whose transaction took its REPEATABLE READ snapshot before another node added a
     * document to the same bucket must still merge into the latest blob, not its snapshot's.
     */
    @Test
    void aWriterUnderRepeatableReadDoesNotLosePostingsCommittedSinceItsSnapshot() throws Exception {
        long base = 5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        int bucket = ThreadLocalRandom.current().nextInt(1 << Fingerprints.BUCKET_BITS);
        long first = (long) bucket << Fingerprints.RESIDUAL_BITS | 11;
        long second = (long) bucket << Fingerprints.RESIDUAL_BITS | 22;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            JdbcTemplate late = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            try {
                // the late writer's snapshot begins here, before the other document exists
                late.queryForList("select entries from plag_bucket where bucket = ?", Integer.class, bucket);
                long other = new FingerprintIndex(jdbc, 1000).add(FingerprintIndex.SOURCE, null, null, null, base + 1, keys(first), 1);
                long mine = new FingerprintIndex(late, 1000).add(FingerprintIndex.SOURCE, null, null, null, base + 2, keys(second), 1);
                c.commit();
                FingerprintIndex index = new FingerprintIndex(jdbc, 1000);
                assertThat(index.candidates(keys(first), -1, 10)).extracting(FingerprintIndex.Doc::id).contains(other);
                assertThat(index.candidates(keys(second), -1, 10)).extracting(FingerprintIndex.Doc::id).contains(mine);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
