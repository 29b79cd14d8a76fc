package com.imprimatur.plagiarism;

import java.util.Random;

/** Made-up words for the engine's tests: no phrase is shared by accident, and a seed makes every run alike. */
final class MadeUpWords {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "pi", "da", "gu", "he"};

    private final Random random;

    MadeUpWords(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** {@code n} words, space separated, a full stop after every twelfth. */
    String words(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int len = 2 + random.nextInt(3);
            for (int j = 0; j < len; j++) {
                sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            sb.append(i % 12 == 11 ? ". " : " ");
        }
        return sb.toString().strip();
    }
}
