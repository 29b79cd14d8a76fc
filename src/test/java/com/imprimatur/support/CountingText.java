package com.imprimatur.support;

import java.util.function.Function;

/**
 * A text that counts how often its characters are read: code that reads its input only through
 * {@link CharSequence} (hand-written scanners, and {@link java.util.regex.Matcher}, which reads
 * nothing else) can be shown to do work linear in the input, without timing anything.
 */
public final class CountingText implements CharSequence {

    private final String text;
    private final int offset;
    private final int length;
    private final long[] reads;

    public CountingText(String text) {
        this(text, 0, text.length(), new long[1]);
    }

    private CountingText(String text, int offset, int length, long[] reads) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.reads = reads;
    }

    /** Characters read so far, through this text and every part of it. */
    public long reads() {
        return reads[0];
    }

    /**
     * The most reads per input character that {@code work} makes of the inputs {@code input} builds at
     * sizes n, 2n, 4n and 8n: the work is linear when this stays below a small constant (work that
     * grows with the square of the input makes it grow with n).
     */
    public static double mostReadsPerCharacter(int n, Function<Integer, String> input, Function<CountingText, ?> work) {
        double most = 0;
        for (int i = 0; i < 4; i++) {
            CountingText text = new CountingText(input.apply(n << i));
            work.apply(text);
            most = Math.max(most, (double) text.reads() / Math.max(1, text.length()));
        }
        return most;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        reads[0]++;
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException(start);
        }
        return new CountingText(text, offset + start, end - start, reads);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }
}
