package com.imprimatur.article;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff of two revisions' text: title, summary and body, each split into words with
 * the whitespace that follows them, so that joining the segments of one side gives its text back.
 *
 * <p>Bodies may hold a million characters, so the work has a budget. Lines are compared first;
 * only the lines that changed are then compared word by word, while the budget lasts. Past it,
 * a changed block is shown whole but for its common first and last words (the old text deleted,
 * the new inserted) and the result says that it is not {@link Result#wordByWord() word by word}.
 * Past the budget of the line comparison itself, everything between the common first and last
 * lines is one changed block.
 * So the work is linear in the texts plus a constant.
 */
public final class WordDiff {

    /** Myers steps for comparing lines, and for comparing the words of changed lines (each about a nanosecond or two). */
    static final long LINE_BUDGET = 2_000_000;
    static final long WORD_BUDGET = 4_000_000;

    public enum Op { EQUAL, DELETE, INSERT }

    public record Segment(Op op, String text) {
    }

    /** {@code wordByWord} is false when some changes were too large to compare word by word and are shown as whole lines. */
    public record Result(int from, int to, int wordsDeleted, int wordsInserted, List<Segment> segments, boolean wordByWord) {
    }

    private WordDiff() {
    }

    public static Result between(RevisionView from, RevisionView to) {
        return between(from, to, new EditScript.Budget(LINE_BUDGET), new EditScript.Budget(WORD_BUDGET));
    }

    static Result between(RevisionView from, RevisionView to, EditScript.Budget lines, EditScript.Budget words) {
        Diff diff = new Diff(words);
        diff.compare(text(from), text(to), lines);
        return new Result(from.number(), to.number(), diff.deletedWords, diff.insertedWords, diff.segments(), diff.wordByWord);
    }

    private static String text(RevisionView revision) {
        return revision.title() + "\n\n" + revision.summary() + "\n\n" + revision.body();
    }

    /** The text cut after each line break (the last piece may have none). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Runs of non-space and runs of space ({@code \S+|\s+}), in order. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || isSpace(text.charAt(i)) != isSpace(text.charAt(start))) {
                tokens.add(text.substring(start, i));
                start = i;
            }
        }
        return tokens;
    }

    /** What {@code \s} matches in a Java regular expression. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    private static final class Diff {
        private final EditScript.Budget wordBudget;
        private final List<Op> ops = new ArrayList<>();
        private final List<StringBuilder> texts = new ArrayList<>();
        private int deletedWords;
        private int insertedWords;
        private boolean wordByWord = true;

        Diff(EditScript.Budget wordBudget) {
            this.wordBudget = wordBudget;
        }

        /** Lines first; each block of changed lines then word by word (past the line budget, all between the common first and last lines is one block). */
        void compare(String from, String to, EditScript.Budget lineBudget) {
            List<String> a = lines(from);
            List<String> b = lines(to);
            boolean[] deleted = new boolean[a.size()];
            boolean[] inserted = new boolean[b.size()];
            EditScript.compare(a, b, deleted, inserted, lineBudget);
            int i = 0;
            int j = 0;
            while (i < a.size() || j < b.size()) {
                if (i < a.size() && deleted[i] || j < b.size() && inserted[j]) {
                    StringBuilder old = new StringBuilder();
                    StringBuilder fresh = new StringBuilder();
                    while (i < a.size() && deleted[i]) {
                        old.append(a.get(i++));
                    }
                    while (j < b.size() && inserted[j]) {
                        fresh.append(b.get(j++));
                    }
                    changed(tokens(old.toString()), tokens(fresh.toString()));
                    continue;
                }
                add(Op.EQUAL, a.get(i));
                i++;
                j++;
            }
        }

        /** A block of changed lines word by word; past the budget, whole but for its common first and last words. */
        private void changed(List<String> a, List<String> b) {
            boolean[] deleted = new boolean[a.size()];
            boolean[] inserted = new boolean[b.size()];
            if (!EditScript.compare(a, b, deleted, inserted, wordBudget)) {
                wordByWord = false;
            }
            int i = 0;
            int j = 0;
            while (i < a.size() || j < b.size()) {
                if (i < a.size() && deleted[i] || j < b.size() && inserted[j]) {
                    while (i < a.size() && deleted[i]) {
                        add(Op.DELETE, a.get(i));
                        deletedWords += words(a.get(i++));
                    }
                    while (j < b.size() && inserted[j]) {
                        add(Op.INSERT, b.get(j));
                        insertedWords += words(b.get(j++));
                    }
                    continue;
                }
                add(Op.EQUAL, a.get(i));
                i++;
                j++;
            }
        }

        private static int words(String token) {
            return token.isBlank() ? 0 : 1;
        }

        /** Appends to the last segment when it has the same op, so runs stay whole. */
        private void add(Op op, String text) {
            if (text.isEmpty()) {
                return;
            }
            int last = ops.size() - 1;
            if (last >= 0 && ops.get(last) == op) {
                texts.get(last).append(text);
            } else {
                ops.add(op);
                texts.add(new StringBuilder(text));
            }
        }

        List<Segment> segments() {
            List<Segment> segments = new ArrayList<>(ops.size());
            for (int i = 0; i < ops.size(); i++) {
                segments.add(new Segment(ops.get(i), texts.get(i).toString()));
            }
            return segments;
        }
    }
}
