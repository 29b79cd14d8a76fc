package com.imprimatur.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two revisions' text: title, summary and body, each split into words with
 * the whitespace that follows them, so that joining the segments of one side gives its text back.
 */
public final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("\\S+|\\s+");

    public enum Op { EQUAL, DELETE, INSERT }

    public record Segment(Op op, String text) {
    }

    public record Result(int from, int to, int wordsDeleted, int wordsInserted, List<Segment> segments) {
    }

    private WordDiff() {
    }

    public static Result between(RevisionView from, RevisionView to) {
        List<String> a = tokens(text(from));
        List<String> b = tokens(text(to));
        List<Segment> segments = new ArrayList<>();
        int deleted = 0;
        int inserted = 0;
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Op.EQUAL, a.subList(position, start));
            if (delta.getType() == DeltaType.DELETE || delta.getType() == DeltaType.CHANGE) {
                add(segments, Op.DELETE, delta.getSource().getLines());
                deleted += words(delta.getSource().getLines());
            }
            if (delta.getType() == DeltaType.INSERT || delta.getType() == DeltaType.CHANGE) {
                add(segments, Op.INSERT, delta.getTarget().getLines());
                inserted += words(delta.getTarget().getLines());
            }
            position = start + delta.getSource().size();
        }
        add(segments, Op.EQUAL, a.subList(position, a.size()));
        return new Result(from.number(), to.number(), deleted, inserted, segments);
    }

    private static String text(RevisionView revision) {
        return revision.title() + "\n\n" + revision.summary() + "\n\n" + revision.body();
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static int words(List<String> tokens) {
        return (int) tokens.stream().filter(t -> !t.isBlank()).count();
    }

    private static void add(List<Segment> segments, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).op() == op) {
            segments.set(last, new Segment(op, segments.get(last).text() + text));
        } else {
            segments.add(new Segment(op, text));
        }
    }
}
