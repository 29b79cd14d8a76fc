package com.imprimatur.plagiarism.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A word as the generator's clean-run check and the baseline see it: letters and digits, lower case, with its place. */
record Word(String norm, int start, int end) {

    /** The words of {@code text} before {@code limit}. */
    static List<Word> of(String text, int limit) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < limit) {
            while (i < limit && !Character.isLetterOrDigit(text.charAt(i))) {
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
        List<Word> words = of(text, Article.bodyEnd(text));
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + length <= words.size(); i++) {
            runs.add(run(words, i, length));
        }
        return runs;
    }
}
