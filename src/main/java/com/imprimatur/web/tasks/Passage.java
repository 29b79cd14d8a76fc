package com.imprimatur.web.tasks;

/** An excerpt of a text around a range, split so a page can mark the range: before, the range, after. */
record Passage(String before, String marked, String after) {

    private static final int CONTEXT = 240;

    static Passage around(String text, int start, int end) {
        int from = Math.max(0, Math.min(start, text.length()));
        int to = Math.max(from, Math.min(end, text.length()));
        int left = Math.max(0, from - CONTEXT);
        int right = Math.min(text.length(), to + CONTEXT);
        return new Passage((left > 0 ? "…" : "") + text.substring(left, from), text.substring(from, to),
                text.substring(to, right) + (right < text.length() ? "…" : ""));
    }
}
