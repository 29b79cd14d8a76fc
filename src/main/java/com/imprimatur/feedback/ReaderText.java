package com.imprimatur.feedback;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What readers type: stripped of HTML before it is stored, and normalised for comparison.
 *
 * <p>Readers are anonymous, so stripping is three hand-written passes that each look at a character a
 * bounded number of times: no regular expression that could backtrack. Callers check the raw
 * length first ({@link #MAX_RAW}), so a huge text is refused before it is read at all.
 */
final class ReaderText {

    /** The longest text that is stripped at all; anything longer is refused unread. */
    static final int MAX_RAW = 10_000;
    private static final String[] ELEMENTS = {"script", "style"};
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ReaderText() {
    }

    /** Tags (and script and style content) removed, whitespace collapsed; null when nothing is left. */
    static String strip(CharSequence text) {
        if (text == null) {
            return null;
        }
        String stripped = collapseSpace(withoutTags(withoutScripts(text)));
        return stripped.isEmpty() ? null : stripped;
    }

    /** Letters and digits only, lower case, single spaces: how a quoted passage is found in Markdown. */
    static String words(String text) {
        // one greedy character class that always matches: linear
        return NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * {@code <script …>…</script>} and {@code <style …>…</style>} (any case) replaced by a space; an
     * element that is never closed runs to the end. One pass: once no {@code >} is left, no element
     * can open, so the rest is copied as it is.
     */
    static CharSequence withoutScripts(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        int lastGt = lastIndexOf(text, '>');
        while (i < n) {
            char c = text.charAt(i);
            int name = c == '<' && i < lastGt ? elementName(text, i + 1) : 0;
            if (name == 0) {
                out.append(c);
                i++;
                continue;
            }
            int open = indexOf(text, '>', i + 1 + name);
            out.append(' ');
            i = closingEnd(text, open + 1, text.subSequence(i + 1, i + 1 + name));
        }
        return out;
    }

    /** 6 for "script", 5 for "style" (any case, followed by a non-word character or the end), else 0. */
    private static int elementName(CharSequence text, int at) {
        for (String name : ELEMENTS) {
            if (startsWithIgnoreCase(text, at, name) && !isWordChar(text, at + name.length())) {
                return name.length();
            }
        }
        return 0;
    }

    /** Where the first {@code </name\s*>} at or after {@code from} ends, or the text's end. */
    private static int closingEnd(CharSequence text, int from, CharSequence name) {
        int n = text.length();
        int i = from;
        while (i < n) {
            if (text.charAt(i) == '<' && i + 1 < n && text.charAt(i + 1) == '/'
                    && startsWithIgnoreCase(text, i + 2, name)) {
                int j = i + 2 + name.length();
                while (j < n && isSpace(text.charAt(j))) {
                    j++;
                }
                if (j < n && text.charAt(j) == '>') {
                    return j + 1;
                }
                i = j; // the name and spaces just read hold no '<'
                continue;
            }
            i++;
        }
        return n;
    }

    /** Every {@code <…>} replaced by a space; a {@code <} never closed takes the rest of the text with it. */
    static CharSequence withoutTags(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            out.append(' ');
            int close = indexOf(text, '>', i + 1);
            i = close < 0 ? n : close + 1;
        }
        return out;
    }

    /** Runs of whitespace (and no-break spaces) as one space, none at either end. */
    static String collapseSpace(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) || c == '\u00A0') {
                gap = true;
                continue;
            }
            if (gap && !out.isEmpty()) {
                out.append(' ');
            }
            gap = false;
            out.append(c);
        }
        return out.toString().strip();
    }

    /** What {@code \s} matches in a Java regular expression. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    private static boolean startsWithIgnoreCase(CharSequence text, int at, CharSequence word) {
        if (at + word.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            char c = text.charAt(at + k);
            char w = word.charAt(k);
            if (c != w && (c | 0x20) != (w | 0x20) || !isAsciiLetter(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    private static boolean isWordChar(CharSequence text, int at) {
        return at < text.length() && (text.charAt(at) == '_' || Character.isLetterOrDigit(text.charAt(at)));
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(CharSequence text, char c) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
