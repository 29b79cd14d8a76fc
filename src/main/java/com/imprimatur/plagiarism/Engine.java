package com.imprimatur.plagiarism;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The text-reuse engine without a database: a checked text against candidate texts, through
 * normalisation ({@link Tokens}), fingerprints ({@link Fingerprints}), alignment ({@link Alignment})
 * and the policy. The durable index only chooses which candidates come here.
 */
final class Engine {

    /**
     * k: words per k-gram of the index's fingerprints (noise threshold); w: winnowing window, so that
     * the guarantee threshold t = w + k - 1; seedWords: words per k-gram the alignment seeds with
     * (all of them, not winnowed); gap: words allowed between matched fragments of one passage; strongRun: an
     * exact shared run this long is a passage by itself (the policy's N); chainFragments and
     * chainWords: without such a run, a passage needs this many fragments in line with each other
     * covering this many words; maxOccurrences: a k-gram repeated more often in one source is no seed.
     */
    record Settings(int k, int w, int seedWords, int gap, int strongRun, int chainFragments, int chainWords, int maxOccurrences) {

        static final Settings DEFAULT = new Settings(5, 4, 4, 20, 8, 8, 25, 20);

        int guarantee() {
            return w + k - 1;
        }
    }

    /** Flag at an unquoted passage of minWords words or more, or at percent of the words in unquoted passages. */
    record Policy(int minWords, double percent) {
        static final Policy DEFAULT = new Policy(8, 15.0);
    }

    /** A text prepared for comparison: its words, the alignment's seed k-grams and the index's k-grams. */
    record Prepared(Tokens tokens, long[] grams, long[] indexGrams) {
        static Prepared of(String text, Settings settings) {
            return of(Tokens.of(text), settings);
        }

        static Prepared of(Tokens tokens, Settings settings) {
            long[] seeds = Fingerprints.kgrams(tokens, settings.seedWords());
            return new Prepared(tokens, seeds, settings.k() == settings.seedWords() ? seeds : Fingerprints.kgrams(tokens, settings.k()));
        }

        /** The fingerprints the index keeps of this text. */
        long[] winnowed(Settings settings) {
            return Fingerprints.winnowedKeys(indexGrams, settings.w());
        }
    }

    record Candidate<T>(T source, Prepared text) {
    }

    record Found<T>(T source, Prepared sourceText, Alignment.Aligned passage) {
    }

    record Result<T>(boolean flagged, double similarityPercent, int longestPassageWords, int words, List<Found<T>> passages) {
    }

    private final Settings settings;
    private final Policy policy;

    Engine(Settings settings, Policy policy) {
        this.settings = settings;
        this.policy = policy;
    }

    Settings settings() {
        return settings;
    }

    /** A revision's body, every word of it (a writer cannot hide text from the check behind a "Sources" line). */
    Prepared prepare(String text) {
        return Prepared.of(text, settings);
    }

    /** A registered source's text, without its trailing reference list ({@link Tokens#withoutReferenceList}). */
    Prepared prepareSource(String text) {
        return Prepared.of(Tokens.withoutReferenceList(text), settings);
    }

    /** Aligns the checked text with every candidate and applies the policy. */
    <T> Result<T> compare(Prepared checked, List<Candidate<T>> candidates, long[] commonKeys) {
        List<Found<T>> found = new ArrayList<>();
        for (Candidate<T> candidate : candidates) {
            for (Alignment.Aligned a : Alignment.align(checked, candidate.text(), commonKeys, settings)) {
                found.add(new Found<>(candidate.source(), candidate.text(), a));
            }
        }
        found.sort(Comparator.comparingInt((Found<T> f) -> f.passage().sFrom()).thenComparingInt(f -> -f.passage().words()));
        return judge(checked, found);
    }

    private <T> Result<T> judge(Prepared checked, List<Found<T>> found) {
        int words = checked.tokens().size();
        BitSet covered = new BitSet(words);
        int longest = 0;
        boolean longEnough = false;
        for (Found<T> f : found) {
            Alignment.Aligned a = f.passage();
            if (!a.quoted()) {
                covered.set(a.sFrom(), a.sTo());
                longest = Math.max(longest, a.words());
                longEnough |= a.words() >= policy.minWords();
            }
        }
        double similarity = words == 0 ? 0 : covered.cardinality() * 100.0 / words;
        return new Result<>(longEnough || (words > 0 && similarity >= policy.percent()), similarity, longest, words, found);
    }

    /**
     * The in-memory candidate choice, for callers without the index (the evaluation): a source is
     * aligned when it shares at least one winnowed fingerprint with the checked text.
     */
    <T> List<Candidate<T>> sharingFingerprints(Prepared checked, List<Candidate<T>> sources) {
        long[] mine = checked.winnowed(settings);
        List<Candidate<T>> sharing = new ArrayList<>();
        for (Candidate<T> source : sources) {
            if (intersects(mine, source.text().winnowed(settings))) {
                sharing.add(source);
            }
        }
        return sharing;
    }

    private static boolean intersects(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
