package com.imprimatur.plagiarism.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Disguises a passage the way the PAN corpora did: random word operations, synonym substitution,
 * sentence reordering. A passage is a list of units (sentences, list items, headings) with the text
 * between them ("glue", e.g. a space or a paragraph break), which is kept as it is.
 */
final class Obfuscator {

    static final double MIN_RATE = 0.10;
    static final double MAX_RATE = 0.30;

    private static final Map<String, String> SYNONYMS = loadSynonyms();
    private static final List<String> WORD_POOL = wordPool();

    /** A passage: {@code glue.get(i)} stands before {@code units.get(i)}; glue 0 is empty. */
    record Passage(List<String> glue, List<String> units, List<Boolean> sentence) {

        String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < units.size(); i++) {
                sb.append(glue.get(i)).append(units.get(i));
            }
            return sb.toString();
        }

        Passage withUnits(List<String> newUnits) {
            return new Passage(glue, newUnits, sentence);
        }
    }

    /** The outcome of random word operations: the new passage, how many operations, over how many words. */
    record RandomOps(Passage passage, int operations, int words) {
    }

    private Obfuscator() {
    }

    static Passage apply(Obfuscation obfuscation, Passage passage, Random rnd) {
        return switch (obfuscation) {
            case NONE -> passage;
            case RANDOM -> randomOperations(passage, MIN_RATE + rnd.nextDouble() * (MAX_RATE - MIN_RATE), rnd).passage();
            case SYNONYM -> synonyms(passage, rnd);
            case REORDER -> reorder(passage, rnd);
        };
    }

    /** Shuffles, deletes, inserts or replaces words: round(rate × words) operations at random places. */
    static RandomOps randomOperations(Passage passage, double rate, Random rnd) {
        List<List<String>> tokens = new ArrayList<>();
        int words = 0;
        for (String unit : passage.units()) {
            List<String> t = new ArrayList<>(List.of(unit.split(" ")));
            tokens.add(t);
            words += t.size();
        }
        int operations = Math.max(1, (int) Math.round(rate * words));
        for (int op = 0; op < operations; op++) {
            int total = tokens.stream().mapToInt(List::size).sum();
            int at = rnd.nextInt(total);
            int u = 0;
            while (at >= tokens.get(u).size()) {
                at -= tokens.get(u).size();
                u++;
            }
            List<String> t = tokens.get(u);
            int kind = rnd.nextInt(4);
            if (kind == 0 && t.size() > 1) {
                int other = at + 1 < t.size() ? at + 1 : at - 1;
                Collections.swap(t, at, other);
            } else if (kind == 1 && t.size() > 3) {
                t.remove(at);
            } else if (kind == 2) {
                t.add(at, WORD_POOL.get(rnd.nextInt(WORD_POOL.size())));
            } else {
                String old = t.get(at);
                int end = old.length();
                while (end > 0 && !Character.isLetterOrDigit(old.charAt(end - 1))) {
                    end--;
                }
                t.set(at, WORD_POOL.get(rnd.nextInt(WORD_POOL.size())) + old.substring(end));
            }
        }
        List<String> units = new ArrayList<>();
        tokens.forEach(t -> units.add(String.join(" ", t)));
        return new RandomOps(passage.withUnits(units), operations, words);
    }

    /** Replaces most words that the synonym table knows (85 % of them), keeping capitals and punctuation. */
    static Passage synonyms(Passage passage, Random rnd) {
        List<String> units = new ArrayList<>();
        for (String unit : passage.units()) {
            String[] tokens = unit.split(" ", -1);
            for (int i = 0; i < tokens.length; i++) {
                String replacement = synonymOf(core(tokens[i]));
                if (replacement != null && rnd.nextInt(100) < 85) {
                    tokens[i] = replaceCore(tokens[i], replacement);
                }
            }
            units.add(String.join(" ", tokens));
        }
        return passage.withUnits(units);
    }

    /** Puts the sentences in another order; headings and list items stay where they are. */
    static Passage reorder(Passage passage, Random rnd) {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < passage.units().size(); i++) {
            if (passage.sentence().get(i)) {
                slots.add(i);
            }
        }
        List<String> sentences = new ArrayList<>();
        slots.forEach(i -> sentences.add(passage.units().get(i)));
        List<String> shuffled = new ArrayList<>(sentences);
        if (new TreeSet<>(sentences).size() > 1) {
            while (shuffled.equals(sentences)) {
                Collections.shuffle(shuffled, rnd);
            }
        }
        List<String> units = new ArrayList<>(passage.units());
        for (int k = 0; k < slots.size(); k++) {
            units.set(slots.get(k), shuffled.get(k));
        }
        return passage.withUnits(units);
    }

    /** The synonym the table gives a word (lower case), or null. */
    static String synonymOf(String word) {
        return SYNONYMS.get(word.toLowerCase(Locale.ROOT));
    }

    static int synonymPairs() {
        return SYNONYMS.size();
    }

    /** A token without the punctuation around it. */
    static String core(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetterOrDigit(token.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(token.charAt(to - 1))) {
            to--;
        }
        return token.substring(from, to);
    }

    private static String replaceCore(String token, String replacement) {
        String core = core(token);
        int from = token.indexOf(core);
        String word = Character.isUpperCase(core.charAt(0)) ? Lexicon.capitalise(replacement) : replacement;
        return token.substring(0, from) + word + token.substring(from + core.length());
    }

    private static Map<String, String> loadSynonyms() {
        Map<String, String> table = new HashMap<>();
        List<String[]> pairs = new ArrayList<>();
        for (String line : Lexicon.lines("synonyms.txt")) {
            String[] pair = line.split(" = ");
            pairs.add(new String[] {pair[0].trim(), pair[1].trim()});
            table.put(pair[0].trim(), pair[1].trim());
        }
        for (String[] pair : pairs) {
            table.putIfAbsent(pair[1], pair[0]);
        }
        return Map.copyOf(table);
    }

    private static List<String> wordPool() {
        TreeSet<String> pool = new TreeSet<>();
        for (List<String> fillers : Lexicon.get().words.values()) {
            for (String filler : fillers) {
                for (String w : filler.split(" ")) {
                    if (w.chars().allMatch(Character::isLowerCase)) {
                        pool.add(w);
                    }
                }
            }
        }
        return List.copyOf(pool);
    }
}
