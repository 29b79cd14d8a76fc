package com.imprimatur.plagiarism.eval;

/** The passage-length bands of the evaluation, in words of the source passage. */
enum LengthBand {
    SHORT("50-150", 50, 150),
    MEDIUM("150-500", 150, 500),
    LONG("500+", 500, 1000);

    final String label;
    /** Words, inclusive. */
    final int min;
    /** Words, exclusive; for LONG the generator's own upper limit. */
    final int max;

    LengthBand(String label, int min, int max) {
        this.label = label;
        this.min = min;
        this.max = max;
    }

    static LengthBand of(int words) {
        if (words < MEDIUM.min) {
            return SHORT;
        }
        return words < LONG.min ? MEDIUM : LONG;
    }

    /** Words as the evaluation counts them: maximal runs of letters and digits. */
    static int words(CharSequence text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }
}
