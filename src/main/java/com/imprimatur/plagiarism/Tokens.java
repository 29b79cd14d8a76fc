package com.imprimatur.plagiarism;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text as the engine compares it: its words, normalised and hashed, each with the character
 * range it came from in the original, and whether it stands inside a quotation that cites a source.
 *
 * <p>Normalisation: Markdown link targets, bare URLs, HTML tags and citation markers such as (1), (2-4) or [3] are
 * skipped; Markdown punctuation falls away because only letters, digits and combining marks make
 * words. Each word is folded with NFKD, diacritics dropped and lower-cased, so "Café" and "CAFE"
 * are one word. Han ideographs and kana count one word each (those scripts put no spaces between words).
 * A revision's body is taken whole; only {@link #withoutReferenceList} (registered sources) leaves
 * out a trailing reference list.
 */
final class Tokens {

    private static final Pattern REFERENCE_HEADING = Pattern.compile(
            "(?im)^[ \\t]{0,3}(?:#{1,6}[ \\t]*)?(?:\\*\\*)?(?:references|bibliography|works cited|sources)(?:\\*\\*)?[ \\t]*+:?+[ \\t]*+$");
    // Every pattern runs on whole bodies and registered sources. Runs are possessive (a possessive
    // group repeats in a loop; a greedy one recurses once per repetition and overflowed the stack on
    // "(1,1,1,…"), and no match reads past the start of another: a link target stops at ']', a tag at
    // '<'. So "](](](…" or "<<<…" is read once, not once per start.
    /** Citation markers: (1), (1,3), (2-4), [3], [^3]. */
    static final Pattern CITATION = Pattern.compile("[(\\[]\\^?+\\d{1,3}+(?:\\s*+[,;\\u2013-]\\s*+\\d{1,3}+)*+[)\\]]");
    private static final Pattern SKIPPED = Pattern.compile(
            "\\]\\([^)\\s\\]]*+(?:\\s++\"[^\"]*+\")?+\\)|https?://\\S++|www\\.\\S++|<[^<>\\n]{1,200}+>|" + CITATION.pattern());
    private static final Pattern TRAILING_CITATION = Pattern.compile("[ \\t]?" + CITATION.pattern());
    private static final int MAX_QUOTE_CHARS = 5000;
    /** How far after a closing quotation mark a citation still belongs to the quotation. */
    private static final int CITATION_REACH = 40;

    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final long[] hashes;
    private final boolean[] quoted;

    private Tokens(String text, int[] starts, int[] ends, long[] hashes, boolean[] quoted) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.hashes = hashes;
        this.quoted = quoted;
    }

    /** A text as it is, every word of it (a revision's body: its references are a separate field, so nothing is cut). */
    static Tokens of(String text) {
        return of(text, false);
    }

    /**
     * A text whose trailing reference list (the last "References" / "Sources" … heading and all
     * after it) is not compared: a registered source pasted from a web page or paper, where that list
     * is shared bibliography rather than prose.
     */
    static Tokens withoutReferenceList(String text) {
        return of(text, true);
    }

    private static Tokens of(String text, boolean cutReferenceList) {
        String t = text == null ? "" : text;
        int end = cutReferenceList ? referenceListStart(t) : t.length();
        int[][] skip = skipped(t, end);
        int n = end;
        int[] starts = new int[Math.max(16, n / 5)];
        int[] ends = new int[starts.length];
        long[] hashes = new long[starts.length];
        int count = 0;
        int skipAt = 0;
        int i = 0;
        StringBuilder word = new StringBuilder();
        while (i < n) {
            while (skipAt < skip.length && skip[skipAt][1] <= i) {
                skipAt++;
            }
            if (skipAt < skip.length && skip[skipAt][0] <= i) {
                i = skip[skipAt][1];
                continue;
            }
            int cp = t.codePointAt(i);
            int width = Character.charCount(cp);
            if (isSingleWord(cp)) {
                word.setLength(0);
                word.appendCodePoint(cp);
                count = add(count, i, i + width, word, starts, ends, hashes);
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                    hashes = Arrays.copyOf(hashes, count * 2);
                }
                i += width;
                continue;
            }
            if (!isWordPart(cp)) {
                i += width;
                continue;
            }
            int start = i;
            int wordEnd = i;
            word.setLength(0);
            while (i < n) {
                int c = t.codePointAt(i);
                if (skipAt < skip.length && skip[skipAt][0] <= i || !isWordPart(c) || isSingleWord(c)) {
                    // an invisible character, emphasis marker or inline tag between two letters is not a word break
                    int resume = continuation(t, i, n, skip, skipAt);
                    if (resume < 0) {
                        break;
                    }
                    i = resume;
                    while (skipAt < skip.length && skip[skipAt][1] <= i) {
                        skipAt++;
                    }
                    continue;
                }
                word.appendCodePoint(c);
                i += Character.charCount(c);
                wordEnd = i;
            }
            i = Math.max(i, wordEnd);
            count = add(count, start, wordEnd, word, starts, ends, hashes);
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                hashes = Arrays.copyOf(hashes, count * 2);
            }
        }
        starts = Arrays.copyOf(starts, count);
        ends = Arrays.copyOf(ends, count);
        hashes = Arrays.copyOf(hashes, count);
        // a citation marker is skipped like any other non-word: k-grams run across it, so markers
        // sprinkled through a copy cannot break it into pieces too short to match
        return new Tokens(t, starts, ends, hashes, quotedWords(t, end, starts));
    }

    private static int add(int count, int start, int end, StringBuilder word, int[] starts, int[] ends, long[] hashes) {
        starts[count] = start;
        ends[count] = end;
        hashes[count] = hash(fold(word));
        return count + 1;
    }

    int size() {
        return hashes.length;
    }

    String text() {
        return text;
    }

    long hash(int word) {
        return hashes[word];
    }

    long[] hashes() {
        return hashes;
    }

    int start(int word) {
        return starts[word];
    }

    int end(int word) {
        return ends[word];
    }

    /**
     * Where a passage ending with this word ends in the text: after the word, or after a citation
     * marker that directly follows it ("… the risk [2]"), which belongs to the copied sentence.
     */
    int passageEnd(int word) {
        int end = ends[word];
        Matcher citation = TRAILING_CITATION.matcher(text).region(end, Math.min(text.length(), end + 24));
        return citation.lookingAt() ? citation.end() : end;
    }

    boolean quoted(int word) {
        return quoted[word];
    }

    /** The original text of words [from, to). */
    String slice(int from, int to) {
        return from >= to ? "" : text.substring(starts[from], ends[to - 1]);
    }

    /** The hash the engine gives one normalised word (used to hash vocabularies directly, as the benchmark does). */
    static long wordHash(String word) {
        return hash(fold(new StringBuilder(word)));
    }

    /**
     * Inside a word at {@code at}, where a character that makes no word stands: if a run of format
     * characters (zero-width space, soft hyphen, word joiner…), emphasis markers ({@code * _ ~}) and
     * inline HTML tags leads straight on to another letter or digit, the word goes on there and this
     * returns where; otherwise -1 (the word ends). So {@code he\u200Bllo}, {@code he**l**lo} and
     * {@code he<b></b>llo} are one word, as a reader sees them.
     */
    private static int continuation(String t, int at, int n, int[][] skip, int skipAt) {
        int i = at;
        while (i < n) {
            while (skipAt < skip.length && skip[skipAt][1] <= i) {
                skipAt++;
            }
            if (skipAt < skip.length && skip[skipAt][0] <= i) {
                if (t.charAt(i) != '<') {
                    return -1; // a URL, link target or citation marker: a real break
                }
                i = skip[skipAt][1];
                continue;
            }
            int c = t.codePointAt(i);
            if (Character.getType(c) == Character.FORMAT || c == '*' || c == '_' || c == '~') {
                i += Character.charCount(c);
                continue;
            }
            return i > at && isWordPart(c) && !isSingleWord(c) ? i : -1;
        }
        return -1;
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isSingleWord(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static String fold(StringBuilder word) {
        boolean ascii = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                word.setCharAt(i, (char) (c + 32));
            }
        }
        if (ascii) {
            return word.toString();
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            if (Character.getType(cp) != Character.NON_SPACING_MARK || Character.isLetterOrDigit(cp)) {
                kept.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (kept.isEmpty()) {
            kept.append(decomposed);
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    /** FNV-1a over the UTF-16 units, then a finalising mix so that every bit depends on every unit. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return Fingerprints.mix(h);
    }

    /** The ranges before {@code end} that make no words: link targets, URLs, tags, citation markers. */
    static int[][] skipped(CharSequence text, int end) {
        return ranges(SKIPPED.matcher(text).region(0, end));
    }

    /** Where the trailing reference list begins (the last "References" heading), or the text's end. */
    static int referenceListStart(CharSequence text) {
        Matcher m = REFERENCE_HEADING.matcher(text);
        int at = text.length();
        while (m.find()) {
            at = m.start();
        }
        return at;
    }

    private static int[][] ranges(Matcher m) {
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        return found.toArray(new int[0][]);
    }

    /**
     * Words inside a quotation that carries a citation: text between quotation marks (straight or
     * curly, within one paragraph) or a Markdown block quote, with a citation marker inside it or
     * just after it.
     */
    private static boolean[] quotedWords(String text, int end, int[] starts) {
        boolean[] quoted = new boolean[starts.length];
        if (starts.length == 0) {
            return quoted;
        }
        List<int[]> spans = new ArrayList<>();
        blockQuotes(text, end, spans);
        inlineQuotes(text, end, spans);
        for (int[] span : spans) {
            Matcher citation = CITATION.matcher(text).region(span[0], Math.min(end, span[1] + CITATION_REACH));
            boolean cited = false;
            while (!cited && citation.find()) {
                // after the closing mark, a citation counts only while the quoting sentence goes on
                cited = citation.start() < span[1] || !sentenceEndsBetween(text, span[1], citation.start());
            }
            if (!cited) {
                continue;
            }
            int from = firstWordAtOrAfter(starts, span[0]);
            for (int w = from; w < starts.length && starts[w] < span[1]; w++) {
                quoted[w] = true;
            }
        }
        return quoted;
    }

    private static boolean sentenceEndsBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static void blockQuotes(String text, int end, List<int[]> spans) {
        int lineStart = 0;
        int blockStart = -1;
        while (lineStart < end) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            int p = lineStart;
            while (p < lineEnd && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p++;
            }
            boolean quote = p < lineEnd && text.charAt(p) == '>';
            if (quote && blockStart < 0) {
                blockStart = lineStart;
            } else if (!quote && blockStart >= 0) {
                spans.add(new int[] {blockStart, lineStart});
                blockStart = -1;
            }
            lineStart = lineEnd + 1;
        }
        if (blockStart >= 0) {
            spans.add(new int[] {blockStart, end});
        }
    }

    private static void inlineQuotes(String text, int end, List<int[]> spans) {
        int i = 0;
        while (i < end) {
            char c = text.charAt(i);
            char close = c == '"' ? '"' : c == '\u201C' ? '\u201D' : c == '\u00AB' ? '\u00BB' : 0;
            if (close == 0) {
                i++;
                continue;
            }
            int limit = Math.min(end, i + MAX_QUOTE_CHARS);
            int j = i + 1;
            while (j < limit && text.charAt(j) != close && !(text.charAt(j) == '\n' && j + 1 < end && text.charAt(j + 1) == '\n')) {
                j++;
            }
            if (j < limit && text.charAt(j) == close) {
                spans.add(new int[] {i, j + 1});
                i = j + 1;
            } else {
                i++;
            }
        }
    }

    private static int firstWordAtOrAfter(int[] starts, int at) {
        int found = Arrays.binarySearch(starts, at);
        return found >= 0 ? found : -found - 1;
    }
}
