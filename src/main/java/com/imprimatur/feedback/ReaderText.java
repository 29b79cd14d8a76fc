package com.imprimatur.feedback;

import java.util.Locale;
import java.util.regex.Pattern;

/** What readers type: stripped of HTML before it is stored, and normalised for comparison. */
final class ReaderText {

    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?(</\\1\\s*>|$)");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>?");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ReaderText() {
    }

    /** Tags (and script and style content) removed, whitespace collapsed; null when nothing is left. */
    static String strip(String text) {
        if (text == null) {
            return null;
        }
        String stripped = TAG.matcher(SCRIPT_OR_STYLE.matcher(text).replaceAll(" ")).replaceAll(" ");
        stripped = SPACE.matcher(stripped).replaceAll(" ").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Letters and digits only, lower case, single spaces: how a quoted passage is found in Markdown. */
    static String words(String text) {
        return NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
