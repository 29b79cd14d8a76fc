package com.imprimatur.plagiarism;

import java.util.Arrays;

/**
 * Word k-gram hashes and winnowing (Schleimer, Wilkerson, Aiken 2003). Of every window of
 * {@code w} consecutive k-gram hashes the smallest is kept (the rightmost on ties), and a kept
 * hash is recorded once for as long as it stays the window's minimum. So any run of
 * {@code t = w + k - 1} words that two texts share gives both the same fingerprint, and
 * about 2 / (w + 1) fingerprints are kept per word.
 *
 * <p>In the index a fingerprint is a 36-bit key: the top 20 bits of the hash choose one of 2^20
 * buckets, the next 16 bits stay in the posting.
 */
final class Fingerprints {

    static final int BUCKET_BITS = 20;
    static final int RESIDUAL_BITS = 16;
    static final int KEY_BITS = BUCKET_BITS + RESIDUAL_BITS;

    private Fingerprints() {
    }

    /** The k-gram hashes of a text's words (citation markers and other skipped text do not interrupt them). */
    static long[] kgrams(Tokens tokens, int k) {
        return kgrams(tokens.hashes(), k);
    }

    /** The hash of each k-gram of words: entry i covers words [i, i + k). Empty when the text is shorter than k. */
    static long[] kgrams(long[] words, int k) {
        int n = words.length - k + 1;
        if (n <= 0) {
            return new long[0];
        }
        long[] grams = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0x9e3779b97f4a7c15L;
            for (int j = 0; j < k; j++) {
                h = Long.rotateLeft(h, 23) ^ words[i + j];
                h *= 0xbf58476d1ce4e5b9L;
            }
            grams[i] = mix(h);
        }
        return grams;
    }

    /** The distinct 36-bit keys that winnowing keeps, sorted. A text shorter than k words has none. */
    static long[] winnowedKeys(long[] grams, int w) {
        long[] kept = new long[grams.length == 0 ? 0 : grams.length / Math.max(1, (w + 1) / 2) + 2];
        int count = 0;
        if (grams.length > 0 && grams.length < w) {
            kept[count++] = key(min(grams, 0, grams.length));
        } else {
            int last = -1;
            for (int start = 0; start + w <= grams.length; start++) {
                int at = start;
                for (int i = start + 1; i < start + w; i++) {
                    if (Long.compareUnsigned(grams[i], grams[at]) <= 0) {
                        at = i;
                    }
                }
                if (at != last) {
                    if (count == kept.length) {
                        kept = Arrays.copyOf(kept, count * 2);
                    }
                    kept[count++] = key(grams[at]);
                    last = at;
                }
            }
        }
        long[] keys = Arrays.copyOf(kept, count);
        Arrays.sort(keys);
        return distinct(keys);
    }

    /** Every k-gram's key, as a sorted set (the alignment's candidates for seeds). */
    static long[] allKeys(long[] grams) {
        long[] keys = new long[grams.length];
        for (int i = 0; i < grams.length; i++) {
            keys[i] = key(grams[i]);
        }
        Arrays.sort(keys);
        return distinct(keys);
    }

    static long key(long gram) {
        return gram >>> (64 - KEY_BITS);
    }

    static int bucket(long key) {
        return (int) (key >>> RESIDUAL_BITS);
    }

    static int residual(long key) {
        return (int) (key & ((1 << RESIDUAL_BITS) - 1));
    }

    /** The finaliser of SplitMix64: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long min(long[] grams, int from, int to) {
        long m = grams[from];
        for (int i = from + 1; i < to; i++) {
            if (Long.compareUnsigned(grams[i], m) < 0) {
                m = grams[i];
            }
        }
        return m;
    }

    private static long[] distinct(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }
}
