package com.imprimatur.factcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hints at sentences that state a number, a percentage, a dose or a comparative outcome without a
 * citation. A hint, never a block: the physician judges whether the sentence needs a source.
 */
final class UnsupportedClaims {

    // Every pattern below runs on a writer's body of up to 1,000,000 characters. Each may start only
    // where a run of digits or a word starts (the look-behind or \b), and its runs are possessive: no
    // start reads past the run it began, and nothing is given back, so the work stays linear.
    private static final Pattern PERCENTAGE = Pattern.compile(
            "(?<!\\d)\\d++(?:[.,]\\d++)?+\\s?+(?:%|percent\\b|per cent\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOSE = Pattern.compile("(?<![\\w.])\\d++(?:[.,]\\d++)?+\\s?+(?:mg|mcg|µg|μg|g|kg|ml|l|iu|"
            + "units?|mmol|mmhg|tablets?|capsules?|drops?|puffs?)(?:/(?:kg|day|d|dl|l|ml))?\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern YEAR = Pattern.compile("1[89]\\d\\d|20\\d\\d");
    private static final Pattern COMPARATIVE = Pattern.compile("\\b(?:"
            + "(?:more|less|fewer|greater|lower|higher|better|worse)\\s++(?:than|likely|effective|risk)"
            + "|(?:reduc|increas|lower|rais|halv|doubl|tripl|cut)\\w*+\\s++(?:the\\s++|your\\s++|their\\s++)?"
            + "(?:risk|chances?|odds|rates?|mortality|deaths?|symptoms?|incidence)"
            + "|twice\\s++as|half\\s++as|\\w++\\s++times\\s++(?:more|less|as|higher|lower)"
            + "|compared\\s++(?:with|to)|outperform\\w*+|superior\\s++to|inferior\\s++to)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_MARKER = Pattern.compile("\\s*+\\d++[.)]?+\\s*+");
    private static final int SHOWN = 300;

    private UnsupportedClaims() {
    }

    /** The hints for a body; reads each character a bounded number of times (a CharSequence, so tests can count). */
    static List<Finding> in(CharSequence body, List<Citations.Citation> citations) {
        List<Finding> hints = new ArrayList<>();
        int cited = 0;
        int start = 0;
        int length = body.length();
        for (int i = 0; i <= length; i++) {
            boolean end = i == length || body.charAt(i) == '\n' || (isStop(body, i) && (i + 1 == length
                    || Character.isWhitespace(body.charAt(i + 1))));
            if (!end) {
                continue;
            }
            int stop = i == length || body.charAt(i) == '\n' ? i : i + 1;
            while (cited < citations.size() && citations.get(cited).end() <= start) {
                cited++;
            }
            boolean hasCitation = cited < citations.size() && citations.get(cited).start() < followingText(body, stop);
            if (!hasCitation) {
                String kind = claim(body.subSequence(start, stop));
                if (kind != null) {
                    int s = firstNonSpace(body, start, stop);
                    boolean shortened = stop - s > SHOWN;
                    String text = body.subSequence(s, shortened ? s + SHOWN : stop) + (shortened ? "…" : "");
                    hints.add(Finding.inText("unsupported-claim", Finding.Severity.HINT,
                            "This sentence states " + kind + " but cites no reference.", s, stop, text));
                }
            }
            start = stop;
        }
        return hints;
    }

    /** A full stop that is not a decimal point, or ! or ?. */
    private static boolean isStop(CharSequence body, int i) {
        char c = body.charAt(i);
        if (c == '!' || c == '?') {
            return true;
        }
        return c == '.' && !(i > 0 && i + 1 < body.length() && Character.isDigit(body.charAt(i - 1))
                && Character.isDigit(body.charAt(i + 1)));
    }

    /** The sentence counts as cited when a citation starts in it, or right after its full stop. */
    private static int followingText(CharSequence body, int stop) {
        int j = stop;
        while (j < body.length() && body.charAt(j) == ' ') {
            j++;
        }
        return j < body.length() && (body.charAt(j) == '(' || body.charAt(j) == '[') ? j + 1 : stop;
    }

    private static int firstNonSpace(CharSequence body, int from, int to) {
        int s = from;
        while (s < to && Character.isWhitespace(body.charAt(s))) {
            s++;
        }
        return s;
    }

    private static String claim(CharSequence sentence) {
        int first = firstNonSpace(sentence, 0, sentence.length());
        if (first == sentence.length() || sentence.charAt(first) == '#' || LIST_MARKER.matcher(sentence).matches()) {
            return null;
        }
        if (PERCENTAGE.matcher(sentence).find()) {
            return "a percentage";
        }
        if (DOSE.matcher(sentence).find()) {
            return "a dose or quantity";
        }
        if (COMPARATIVE.matcher(sentence).find()) {
            return "a comparative outcome";
        }
        int from = 0;
        int[] number;
        while ((number = nextNumber(sentence, from)) != null) {
            boolean listMarker = number[0] == first && number[1] < sentence.length()
                    && ".)".indexOf(sentence.charAt(number[1])) >= 0;
            if (!YEAR.matcher(sentence).region(number[0], number[1]).matches() && !listMarker) {
                return "a number";
            }
            from = number[1];
        }
        return null;
    }

    /**
     * The next number at or after {@code from}, as {@code [start, end)}: what the regular expression
     * {@code (?<![\w.,])\d+(?:[.,]\d+)*(?!\w)} finds, written out so that a body of "1.1.1…" neither
     * backtracks nor overflows the stack (Java's regex engine recurses once per repetition of a group).
     * A number is digit groups joined by single '.' or ','; when a word character follows it, the last
     * group is given back (the number then ends before a '.' or ','), or there is no number there.
     */
    static int[] nextNumber(CharSequence text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            if (!isDigit(text.charAt(i)) || i > 0 && isWordOrMark(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int start = i;
            int end = digitsEnd(text, i);
            int previous = -1;
            while (end + 1 < n && (text.charAt(end) == '.' || text.charAt(end) == ',') && isDigit(text.charAt(end + 1))) {
                previous = end;
                end = digitsEnd(text, end + 1);
            }
            if (end == n || !isWord(text.charAt(end))) {
                return new int[] {start, end};
            }
            if (previous >= 0) {
                return new int[] {start, previous};
            }
            i = end; // the run of word characters that follows cannot start a number either
        }
        return null;
    }

    private static int digitsEnd(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code \d}: ASCII digits only, as in the patterns above. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \w}: ASCII letters, digits and '_'. */
    private static boolean isWord(char c) {
        return isDigit(c) || (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c == '_';
    }

    private static boolean isWordOrMark(char c) {
        return isWord(c) || c == '.' || c == ',';
    }
}
