package com.imprimatur.article;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of an article's address: the slugs this service makes are lower-case ASCII
 * letters and digits joined by single hyphens. A typed slug is lower-cased; anything else (accents,
 * full-width letters, other scripts) is no slug at all, so that look-ups, which the database would
 * otherwise compare case- and accent-insensitively, and readers' per-article limits agree on one key.
 */
public final class Slugs {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]++(?:-[a-z0-9]++)*+");
    private static final int MAX = 200;

    private Slugs() {
    }

    /** The canonical slug, or null when the typed text cannot be one of ours. */
    public static String canonical(String typed) {
        if (typed == null || typed.isEmpty() || typed.length() > MAX) {
            return null;
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        return SLUG.matcher(lower).matches() ? lower : null;
    }
}
