package com.imprimatur.factcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hints at sentences that state a number, a percentage, a dose or a comparative outcome without a
 * citation. A hint, never a block: the physician judges whether the sentence needs a source.
 */
final class UnsupportedClaims {

    private static final Pattern PERCENTAGE = Pattern.compile(
            "\\d+(?:[.,]\\d+)?\\s?(?:%|percent\\b|per cent\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOSE = Pattern.compile("(?<![\\w.])\\d+(?:[.,]\\d+)?\\s?(?:mg|mcg|µg|μg|g|kg|ml|l|iu|"
            + "units?|mmol|mmhg|tablets?|capsules?|drops?|puffs?)(?:/(?:kg|day|d|dl|l|ml))?\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,])\\d+(?:[.,]\\d+)*(?![\\w])");
    private static final Pattern YEAR = Pattern.compile("1[89]\\d\\d|20\\d\\d");
    private static final Pattern COMPARATIVE = Pattern.compile("\\b(?:"
            + "(?:more|less|fewer|greater|lower|higher|better|worse)\\s+(?:than|likely|effective|risk)"
            + "|(?:reduc|increas|lower|rais|halv|doubl|tripl|cut)\\w*\\s+(?:the\\s+|your\\s+|their\\s+)?"
            + "(?:risk|chances?|odds|rates?|mortality|deaths?|symptoms?|incidence)"
            + "|twice\\s+as|half\\s+as|\\w+\\s+times\\s+(?:more|less|as|higher|lower)"
            + "|compared\\s+(?:with|to)|outperform\\w*|superior\\s+to|inferior\\s+to)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_MARKER = Pattern.compile("\\s*\\d+[.)]?\\s*");
    private static final int SHOWN = 300;

    private UnsupportedClaims() {
    }

    static List<Finding> in(String body, List<Citations.Citation> citations) {
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
                String kind = claim(body.substring(start, stop));
                if (kind != null) {
                    int s = firstNonSpace(body, start, stop);
                    String text = body.substring(s, stop);
                    hints.add(Finding.inText("unsupported-claim", Finding.Severity.HINT,
                            "This sentence states " + kind + " but cites no reference.", s, stop,
                            text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text));
                }
            }
            start = stop;
        }
        return hints;
    }

    /** A full stop that is not a decimal point, or ! or ?. */
    private static boolean isStop(String body, int i) {
        char c = body.charAt(i);
        if (c == '!' || c == '?') {
            return true;
        }
        return c == '.' && !(i > 0 && i + 1 < body.length() && Character.isDigit(body.charAt(i - 1))
                && Character.isDigit(body.charAt(i + 1)));
    }

    /** The sentence counts as cited when a citation starts in it, or right after its full stop. */
    private static int followingText(String body, int stop) {
        int j = stop;
        while (j < body.length() && body.charAt(j) == ' ') {
            j++;
        }
        return j < body.length() && (body.charAt(j) == '(' || body.charAt(j) == '[') ? j + 1 : stop;
    }

    private static int firstNonSpace(String body, int from, int to) {
        int s = from;
        while (s < to && Character.isWhitespace(body.charAt(s))) {
            s++;
        }
        return s;
    }

    private static String claim(String sentence) {
        if (sentence.isBlank() || sentence.stripLeading().startsWith("#")
                || LIST_MARKER.matcher(sentence).matches()) {
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
        Matcher number = NUMBER.matcher(sentence);
        while (number.find()) {
            boolean listMarker = number.start() == firstNonSpace(sentence, 0, sentence.length())
                    && number.end() < sentence.length() && ".)".indexOf(sentence.charAt(number.end())) >= 0;
            if (!YEAR.matcher(number.group()).matches() && !listMarker) {
                return "a number";
            }
        }
        return null;
    }
}
