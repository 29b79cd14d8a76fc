package com.imprimatur.plagiarism.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word as the generator's clean-run check and the baseline see it: letters and digits, lower case, with its place. */
record Word(String norm, int start, int end) {

    /** Citation markers: [3], [^3], (1), (1,3), (2-4). */
    private static final Pattern CITATION = Pattern.compile("\\[\\^?\\d+(?:\\s*[,\u2013-]\\s*\\d+)*]|\\(\\d+(?:\\s*[,\u2013-]\\s*\\d+)*\\)");

    /** The words of {@code text} before {@code limit}. */
    static List<Word> of(String text, int limit) {
        return of(text, limit, false);
    }

    /**
     * The words as the engine reads them for its runs: citation markers are skipped, so the words on
     * either side of one are neighbours (the generator's clean-run check must see chance runs so).
     */
    static List<Word> withoutMarkers(String text, int limit) {
        return of(text, limit, true);
    }

    private static List<Word> of(String text, int limit, boolean skipMarkers) {
        List<Word> words = new ArrayList<>();
        Matcher marker = CITATION.matcher(text);
        int i = 0;
        while (i < limit) {
            while (i < limit && !Character.isLetterOrDigit(text.charAt(i))) {
                // a citation marker is no word, as the engine reads it: the words either side of it are neighbours
                if (skipMarkers && marker.region(i, limit).lookingAt()) {
                    i = marker.end();
                    continue;
                }
                i++;
            }
            int start = i;
            while (i < limit && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(new Word(text.substring(start, i).toLowerCase(Locale.ROOT), start, i));
            }
        }
        return words;
    }

    /** The words [from, from + length) as one key. */
    static String run(List<Word> words, int from, int length) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < from + length; k++) {
            sb.append(words.get(k).norm()).append(' ');
        }
        return sb.toString();
    }

    /** Every run of {@code length} words in the text before its references. */
    static Set<String> runs(String text, int length) {
        List<Word> words = withoutMarkers(text, Article.bodyEnd(text));
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + length <= words.size(); i++) {
            runs.add(run(words, i, length));
        }
        return runs;
    }
}
