package com.imprimatur.plagiarism;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first, simple text-reuse check: finds every run of at least {@code minWords} identical words
 * shared by two texts, after normalising case, Unicode form and punctuation. Offsets point into
 * the original texts. (A fingerprint index replaces this in a later issue.)
 */
final class WordRuns {

    /** One word of a text, normalised, with where it stands in the original. */
    record Word(String norm, int start, int end) {
    }

    /** A shared run: word indexes [from, to) in each text. */
    record Run(int textFrom, int textTo, int sourceFrom, int sourceTo) {
        int words() {
            return textTo - textFrom;
        }
    }

    private WordRuns() {
    }

    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                String norm = Normalizer.normalize(text.substring(start, i), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                words.add(new Word(norm, start, i));
            }
        }
        return words;
    }

    /** Maximal runs of {@code minWords}+ identical words; each stretch of the text is reported once, with its first source occurrence. */
    static List<Run> shared(List<Word> text, List<Word> source, int minWords) {
        List<Run> runs = new ArrayList<>();
        if (text.size() < minWords || source.size() < minWords) {
            return runs;
        }
        Map<String, List<Integer>> sourceGrams = new HashMap<>();
        for (int s = 0; s + minWords <= source.size(); s++) {
            sourceGrams.computeIfAbsent(gram(source, s, minWords), k -> new ArrayList<>(1)).add(s);
        }
        int t = 0;
        while (t + minWords <= text.size()) {
            List<Integer> starts = sourceGrams.get(gram(text, t, minWords));
            if (starts == null) {
                t++;
                continue;
            }
            Run best = null;
            for (int s : starts) {
                int length = minWords;
                while (t + length < text.size() && s + length < source.size()
                        && text.get(t + length).norm().equals(source.get(s + length).norm())) {
                    length++;
                }
                if (best == null || length > best.words()) {
                    best = new Run(t, t + length, s, s + length);
                }
            }
            runs.add(best);
            t = best.textTo();
        }
        return runs;
    }

    private static String gram(List<Word> words, int from, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + length; i++) {
            sb.append(words.get(i).norm()).append(' ');
        }
        return sb.toString();
    }
}
