package com.imprimatur.article;

import com.imprimatur.staff.StaffMember;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The word diff between two revisions of an article, for the pages and the API. Revisions never
 * change, so a diff is computed once per pair and kept in a small cache (least recently used
 * first out, bounded by entries and by characters held): page views read it, they do not redo it.
 * Each node keeps its own; as the content never changes, no node can hold a stale one.
 */
@Service
public class RevisionDiffs {

    static final int MAX_ENTRIES = 256;
    static final long MAX_CHARS = 16_000_000;

    private final ArticleService articles;
    private final Cache cache = new Cache();

    RevisionDiffs(ArticleService articles) {
        this.articles = articles;
    }

    /** One run of text: "equal", "delete" or "insert". */
    public record Part(String op, String text) {
    }

    public record Diff(int from, int to, int wordsDeleted, int wordsInserted, List<Part> parts, boolean wordByWord) {
    }

    /** From revision {@code from} to revision {@code to}; 404 unless the caller may see the article. */
    public WordDiff.Result compare(StaffMember caller, long articleId, int from, int to) {
        return compare(articleId, articles.revision(caller, articleId, from), articles.revision(caller, articleId, to));
    }

    /** The same, for a caller that has already read {@code to} (with its access checked). */
    public WordDiff.Result compare(StaffMember caller, long articleId, int from, RevisionView to) {
        return compare(articleId, articles.revision(caller, articleId, from), to);
    }

    /** The same as runs of text with lower-case operations. */
    public Diff between(StaffMember caller, long articleId, int from, int to) {
        WordDiff.Result result = compare(caller, articleId, from, to);
        return new Diff(result.from(), result.to(), result.wordsDeleted(), result.wordsInserted(), result.segments().stream()
                .map(s -> new Part(s.op().name().toLowerCase(Locale.ROOT), s.text())).toList(), result.wordByWord());
    }

    private WordDiff.Result compare(long articleId, RevisionView from, RevisionView to) {
        // the content hashes too: a key that outlives its rows (a test database emptied) never answers wrongly
        Key key = new Key(articleId, from.number(), to.number(), from.sha256(), to.sha256());
        WordDiff.Result cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        WordDiff.Result result = WordDiff.between(from, to);
        cache.put(key, result);
        return result;
    }

    private record Key(long articleId, int from, int to, String fromSha256, String toSha256) {
    }

    /** Least recently used first out, within {@link #MAX_ENTRIES} and {@link #MAX_CHARS}. */
    static final class Cache {
        private final LinkedHashMap<Object, WordDiff.Result> entries = new LinkedHashMap<>(16, 0.75f, true);
        private long chars;

        synchronized WordDiff.Result get(Object key) {
            return entries.get(key);
        }

        synchronized void put(Object key, WordDiff.Result result) {
            long size = size(result);
            if (size > MAX_CHARS || entries.containsKey(key)) {
                return;
            }
            entries.put(key, result);
            chars += size;
            Iterator<Map.Entry<Object, WordDiff.Result>> eldest = entries.entrySet().iterator();
            while (entries.size() > MAX_ENTRIES || chars > MAX_CHARS) {
                chars -= size(eldest.next().getValue());
                eldest.remove();
            }
        }

        synchronized int size() {
            return entries.size();
        }

        private static long size(WordDiff.Result result) {
            long size = 0;
            for (WordDiff.Segment segment : result.segments()) {
                size += segment.text().length();
            }
            return size;
        }
    }
}
