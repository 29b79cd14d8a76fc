package com.imprimatur.web.support;

/**
 * Whether a Markdown text is safe to give to the renderer, decided in one pass over it. Two shapes
 * make commonmark slow or crash, and any writer can submit them: many {@code <} in one paragraph
 * (each tries to parse an HTML tag up to the paragraph's end: quadratic; 80,000 characters of
 * {@code <a<a…} took a second), and containers nested thousands deep ({@code > > > …} or
 * {@code - - - …}: the renderer recurses once per level and overflows the stack). A text over the
 * budget is shown as plain text instead; real articles are nowhere near it.
 */
final class MarkdownBudget {

    /** Sum over paragraphs of (number of '<') × (paragraph length): about 10 ms of the renderer's time. */
    static final long MAX_TAG_WORK = 30_000_000L;
    /** Containers (quotes, list items) opened at the start of one line, counting indentation as levels. */
    static final int MAX_DEPTH = 64;

    private MarkdownBudget() {
    }

    static boolean fits(CharSequence text) {
        long work = 0;
        long paragraphLength = 0;
        long lessThans = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int lineStart = i;
            int depth = 0;
            int columns = 0;
            // the line's leading containers: spaces, '>' and list markers
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ') {
                    columns++;
                } else if (c == '\t') {
                    columns += 4;
                } else if (c == '>' || ((c == '-' || c == '*' || c == '+') && i + 1 < n && text.charAt(i + 1) == ' ')) {
                    depth++;
                } else {
                    break;
                }
                i++;
            }
            if (depth + columns / 2 > MAX_DEPTH) {
                return false;
            }
            boolean blank = true;
            while (i < n && text.charAt(i) != '\n') {
                char c = text.charAt(i);
                if (c == '<') {
                    lessThans++;
                }
                if (c != ' ' && c != '\t' && c != '\r') {
                    blank = false;
                }
                i++;
            }
            paragraphLength += i - lineStart + 1;
            if (blank) {
                work += lessThans * paragraphLength;
                if (work > MAX_TAG_WORK) {
                    return false;
                }
                paragraphLength = 0;
                lessThans = 0;
            }
            i++;
        }
        return work + lessThans * paragraphLength <= MAX_TAG_WORK;
    }
}
