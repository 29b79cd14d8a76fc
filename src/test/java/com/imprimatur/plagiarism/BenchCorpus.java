package com.imprimatur.plagiarism;

import java.util.SplittableRandom;

/**
 * The benchmark's synthetic corpus: document d is 2,000 words drawn from a fixed 20,000-word
 * made-up vocabulary with Zipf frequencies (exponent 1, so the commonest word is about 9% of all
 * words, as "the" is in English), seeded by d alone. So any document's text can be made again in
 * microseconds instead of being stored: at 10^6 documents (2×10^9 words, ~13 GB of text) the
 * benchmark keeps only the index in MariaDB and regenerates the few candidate texts a report needs.
 */
final class BenchCorpus {

    static final int WORDS_PER_DOC = 2000;
    private static final int VOCABULARY = 20_000;
    private static final int TABLE_BITS = 20;
    private static final String[] SYLLABLES = {"ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe",
        "qui", "ro", "su", "ta", "ve", "wi", "xo", "yu", "za", "bre", "cla", "dro", "fla", "gri", "plo", "stu", "tra", "vin"};

    private final String[] words = new String[VOCABULARY];
    private final long[] hashes = new long[VOCABULARY];
    private final int[] zipf = new int[1 << TABLE_BITS];
    private final long seed;

    BenchCorpus(long seed) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < VOCABULARY; ) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + random.nextInt(i < 200 ? 2 : 4);
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            if (seen.add(w.toString())) {
                words[i] = w.toString();
                hashes[i] = Tokens.wordHash(words[i]);
                i++;
            }
        }
        double total = 0;
        for (int r = 1; r <= VOCABULARY; r++) {
            total += 1.0 / r;
        }
        double cumulative = 0;
        int at = 0;
        for (int r = 1; r <= VOCABULARY; r++) {
            cumulative += 1.0 / r / total;
            int until = (int) Math.round(cumulative * zipf.length);
            while (at < until && at < zipf.length) {
                zipf[at++] = r - 1;
            }
        }
        while (at < zipf.length) {
            zipf[at++] = VOCABULARY - 1;
        }
    }

    private SplittableRandom randomFor(long document) {
        return new SplittableRandom(Fingerprints.mix(seed * 0x9E3779B97F4A7C15L + document));
    }

    /** The vocabulary indexes of a document's words. */
    int[] wordIds(long document) {
        SplittableRandom random = randomFor(document);
        int[] ids = new int[WORDS_PER_DOC];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = zipf[random.nextInt() >>> (32 - TABLE_BITS)];
        }
        return ids;
    }

    /** The word hashes of a document, as {@link Tokens} would make them from its text. */
    long[] wordHashes(long document) {
        int[] ids = wordIds(document);
        long[] h = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            h[i] = hashes[ids[i]];
        }
        return h;
    }

    /** A document's text: its words with a full stop every 15 words and a capital after it. */
    String text(long document) {
        return text(wordIds(document));
    }

    String text(int[] ids) {
        StringBuilder sb = new StringBuilder(ids.length * 8);
        for (int i = 0; i < ids.length; i++) {
            String w = words[ids[i]];
            if (i % 15 == 0) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
            } else {
                sb.append(w);
            }
            sb.append(i % 15 == 14 ? ". " : " ");
        }
        return sb.toString();
    }

    /**
     * A 2,000-word revision made of fresh words (from a seed no document uses) with a passage of
     * {@code length} words of one indexed document put in at random, disguised by random word
     * operations on {@code share} of its words (deleted, replaced by another word, or followed by
     * an inserted one).
     */
    String revisionCopying(long document, int length, double share, long querySeed) {
        SplittableRandom random = new SplittableRandom(querySeed);
        int[] source = wordIds(document);
        int from = random.nextInt(source.length - length);
        int[] own = wordIds(-querySeed - 1);
        int at = random.nextInt(own.length - length);
        int[] out = new int[own.length + length];
        int n = 0;
        for (int i = 0; i < at; i++) {
            out[n++] = own[i];
        }
        for (int i = from; i < from + length; i++) {
            double r = random.nextDouble();
            if (r < share / 3) {
                continue;
            }
            out[n++] = r < 2 * share / 3 ? zipf[random.nextInt() >>> (32 - TABLE_BITS)] : source[i];
            if (r >= 2 * share / 3 && r < share) {
                out[n++] = zipf[random.nextInt() >>> (32 - TABLE_BITS)];
            }
        }
        for (int i = at; i < own.length - length && n < out.length; i++) {
            out[n++] = own[i];
        }
        return text(java.util.Arrays.copyOf(out, n));
    }
}
