package com.imprimatur.plagiarism;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligns a checked text with one candidate source and returns the passages they share.
 *
 * <ol>
 * <li>Seeds: every k-gram of {@code seedWords} words the two texts share (all of them, not only
 * winnowed ones; citation markers do not interrupt them), except k-grams repeated more than
 * {@code maxOccurrences} times in the source.</li>
 * <li>Fragments: seeds on the same diagonal and in a row merge into exact runs; a run whose index
 * k-grams are all capped as common (boilerplate) is dropped.</li>
 * <li>Passages: a fragment joins a passage when it is close to it in the checked text (within
 * {@code gap} words, more for a passage that already has many matched words: gap + matched / 4,
 * at most 3 × gap) and in the source, and either in line with the passage's last fragment (its
 * diagonal off by at most 2 + distance / 3 words, as insertions and deletions shift it) or, for
 * reordered sentences, an exact run of {@code strongRun} words joining a passage that has one too.</li>
 * <li>Neighbouring passages of one source then join when they lie within three times their joint
 * length of each other in the source.</li>
 * <li>A passage is kept when it holds an exact run of {@code strongRun} words, or at least
 * {@code chainFragments} fragments covering {@code chainWords} words; of passages that overlap in
 * the checked text by half or more, the one with more matched words wins.</li>
 * </ol>
 * Quoted-and-cited words never share a fragment or passage with plain words, so a quotation is
 * judged on its own. The thresholds were chosen on the evaluation (README, Plagiarism check).
 */
final class Alignment {

    /** Word ranges [from, to) in the checked text (s) and the source (c). */
    record Aligned(int sFrom, int sTo, int cFrom, int cTo, int matchedWords, int fragments, boolean strong, boolean quoted) {
        int words() {
            return sTo - sFrom;
        }
    }

    private Alignment() {
    }

    static List<Aligned> align(Engine.Prepared checked, Engine.Prepared candidate, long[] commonKeys, Engine.Settings settings) {
        Tokens s = checked.tokens();
        long[] sGrams = checked.grams();
        long[] cGrams = candidate.grams();
        int k = settings.seedWords();
        if (sGrams.length == 0 || cGrams.length == 0) {
            return List.of();
        }
        GramTable table = new GramTable(cGrams);
        List<int[]> fragments = new ArrayList<>();
        Map<Integer, int[]> byDiagonal = new HashMap<>();
        for (int i = 0; i < sGrams.length; i++) {
            int slot = table.slot(sGrams[i]);
            if (slot < 0 || table.count[slot] > settings.maxOccurrences()) {
                continue;
            }
            for (int j = table.head[slot]; j >= 0; j = table.next[j]) {
                int diagonal = j - i;
                int[] f = byDiagonal.get(diagonal);
                if (f != null && f[1] == i - 1) {
                    f[1] = i;
                } else {
                    f = new int[] {i, i, j};
                    fragments.add(f);
                    byDiagonal.put(diagonal, f);
                }
            }
        }
        if (fragments.isEmpty()) {
            return List.of();
        }
        // as word ranges, cut where a quotation begins or ends; boilerplate runs dropped
        List<int[]> pieces = new ArrayList<>(fragments.size());
        for (int[] f : fragments) {
            int sFrom = f[0];
            int sTo = f[1] + k;
            if (commonKeys.length > 0 && common(checked.indexGrams(), sFrom, sTo, settings.k(), commonKeys)) {
                continue;
            }
            int shift = f[2] - f[0];
            int from = sFrom;
            for (int w = sFrom + 1; w <= sTo; w++) {
                if (w == sTo || s.quoted(w) != s.quoted(from)) {
                    pieces.add(new int[] {from, w, from + shift, w + shift, s.quoted(from) ? 1 : 0});
                    from = w;
                }
            }
        }
        pieces.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[2]));
        List<Building> open = new ArrayList<>();
        List<Building> done = new ArrayList<>();
        int gap = settings.gap();
        int strongRun = settings.strongRun();
        for (int[] p : pieces) {
            boolean strongPiece = p[1] - p[0] >= strongRun;
            Building best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (int b = open.size() - 1; b >= 0; b--) {
                Building passage = open.get(b);
                // a long passage bridges longer gaps: heavier disguise leaves longer stretches without a shared k-gram
                int reach = gap + Math.min(2 * gap, passage.matched / 4);
                if (passage.sTo + reach < p[0]) {
                    done.add(passage);
                    open.remove(b);
                    continue;
                }
                if (passage.quoted != (p[4] == 1) || p[2] > passage.cTo + reach || p[3] < passage.cFrom - reach) {
                    continue;
                }
                // in line with the passage's last fragment (edits shift the diagonal a little), or, for
                // reordered sentences, a long exact run beside a passage that has one too
                int between = Math.max(0, p[0] - passage.sTo);
                boolean inLine = Math.abs((p[2] - p[0]) - passage.diagonal) <= 2 + between / 3;
                if (!inLine && !(strongPiece && passage.strong)) {
                    continue;
                }
                int distance = Math.max(0, p[2] - passage.cTo) + Math.max(0, passage.cFrom - p[3]) + between
                        + (inLine ? 0 : gap);
                if (distance < bestDistance) {
                    best = passage;
                    bestDistance = distance;
                }
            }
            if (best == null) {
                open.add(new Building(p, strongPiece));
            } else {
                best.add(p, strongPiece);
            }
        }
        done.addAll(open);
        List<Aligned> strong = new ArrayList<>();
        for (Building b : done) {
            // evidence: an exact run of strongRun words, or a chain of shorter ones in line with each other
            if (b.strong || (b.fragments >= settings.chainFragments() && b.matched >= settings.chainWords())) {
                strong.add(new Aligned(b.sFrom, b.sTo, b.cFrom, b.cTo, b.matched, b.fragments, b.strong, b.quoted));
            }
        }
        return separate(merged(strong, settings));
    }

    /**
     * Joins neighbouring passages of the same source: close in the checked text and near each other
     * in the source (within three times the length of the two together), as a passage whose sentences were
     * reordered, or split by a stretch of heavy rewording, leaves them. Repeats until nothing joins.
     */
    private static List<Aligned> merged(List<Aligned> passages, Engine.Settings settings) {
        List<Aligned> list = new ArrayList<>(passages);
        list.sort(Comparator.comparingInt(Aligned::sFrom));
        boolean changed = true;
        while (changed && list.size() > 1) {
            changed = false;
            for (int i = 0; i + 1 < list.size(); i++) {
                Aligned a = list.get(i);
                Aligned b = list.get(i + 1);
                int sGap = b.sFrom() - a.sTo();
                int cGap = Math.max(b.cFrom() - a.cTo(), a.cFrom() - b.cTo());
                int reach = settings.gap() + Math.min(2 * settings.gap(), (a.matchedWords() + b.matchedWords()) / 4);
                if (a.quoted() == b.quoted() && sGap <= reach && cGap <= Math.max(reach, 3 * ((a.cTo() - a.cFrom()) + (b.cTo() - b.cFrom())))) {
                    int covered = a.matchedWords() + b.matchedWords() - Math.max(0, a.sTo() - b.sFrom());
                    list.set(i, new Aligned(a.sFrom(), Math.max(a.sTo(), b.sTo()), Math.min(a.cFrom(), b.cFrom()),
                            Math.max(a.cTo(), b.cTo()), covered, a.fragments() + b.fragments(), a.strong() || b.strong(), a.quoted()));
                    list.remove(i + 1);
                    changed = true;
                    i--;
                }
            }
        }
        return list;
    }

    /** Of passages that overlap in the checked text by half or more, the one with more matched words stays. */
    private static List<Aligned> separate(List<Aligned> passages) {
        List<Aligned> strong = new ArrayList<>(passages);
        strong.sort(Comparator.comparingInt(Aligned::matchedWords).reversed());
        List<Aligned> kept = new ArrayList<>();
        for (Aligned a : strong) {
            boolean overlaps = false;
            for (Aligned other : kept) {
                int overlap = Math.min(a.sTo, other.sTo) - Math.max(a.sFrom, other.sFrom);
                if (overlap * 2 >= a.words()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(a);
            }
        }
        kept.sort(Comparator.comparingInt(Aligned::sFrom));
        return kept;
    }

    /**
     * Whether a run of words [from, to) is boilerplate: long enough to hold one of the index's
     * k-grams, and every such k-gram in it capped as common.
     */
    private static boolean common(long[] indexGrams, int from, int to, int k, long[] commonKeys) {
        if (to - from < k) {
            return false;
        }
        for (int g = from; g + k <= to && g < indexGrams.length; g++) {
            if (Arrays.binarySearch(commonKeys, Fingerprints.key(indexGrams[g])) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A passage while fragments are still being added to it. */
    private static final class Building {
        int sFrom;
        int sTo;
        int cFrom;
        int cTo;
        int matched;
        int coveredTo;
        int diagonal;
        int fragments;
        boolean strong;
        final boolean quoted;

        Building(int[] p, boolean strongPiece) {
            sFrom = p[0];
            sTo = p[1];
            cFrom = p[2];
            cTo = p[3];
            matched = p[1] - p[0];
            coveredTo = p[1];
            diagonal = p[2] - p[0];
            fragments = 1;
            strong = strongPiece;
            quoted = p[4] == 1;
        }

        void add(int[] p, boolean strongPiece) {
            matched += Math.max(0, p[1] - Math.max(p[0], coveredTo));
            coveredTo = Math.max(coveredTo, p[1]);
            sTo = Math.max(sTo, p[1]);
            cFrom = Math.min(cFrom, p[2]);
            cTo = Math.max(cTo, p[3]);
            diagonal = p[2] - p[0];
            fragments++;
            strong |= strongPiece;
        }
    }

    /** The source's k-gram hashes, each with the chain of positions where it occurs. */
    private static final class GramTable {
        final long[] keys;
        final int[] head;
        final int[] count;
        final int[] next;
        final int mask;

        GramTable(long[] grams) {
            int capacity = Integer.highestOneBit(Math.max(16, grams.length * 2)) * 2;
            keys = new long[capacity];
            head = new int[capacity];
            count = new int[capacity];
            Arrays.fill(head, -1);
            next = new int[grams.length];
            mask = capacity - 1;
            for (int j = grams.length - 1; j >= 0; j--) {
                int at = find(grams[j]);
                keys[at] = grams[j];
                next[j] = head[at];
                head[at] = j;
                count[at]++;
            }
        }

        private int find(long gram) {
            int at = (int) (gram ^ (gram >>> 32)) & mask;
            while (head[at] >= 0 && keys[at] != gram) {
                at = (at + 1) & mask;
            }
            return at;
        }

        int slot(long gram) {
            int at = find(gram);
            return head[at] >= 0 ? at : -1;
        }
    }
}
