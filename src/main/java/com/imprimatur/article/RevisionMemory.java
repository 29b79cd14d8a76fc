package com.imprimatur.article;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import com.imprimatur.platform.TransactionScoped;

/**
 * Revisions as the engine's paths read them, remembered. A revision never changes once written and
 * is never deleted, so what one node read stays true on every node; but a revision is remembered only
 * once the transaction that read it has committed: one read inside a transaction that then rolls back
 * was never written, and its number will be given to another revision. Until then the reading
 * transaction keeps it for itself: it is read from the database once per transaction at most. Up to
 * {@link #SIZE} are kept,
 * and at most {@link #CHARACTERS} characters of them (all are dropped when either is reached: a first,
 * simple bound; a revision longer than a sixteenth of that is not kept at all). A data migration that
 * rewrote revisions would need every node restarted.
 *
 * <p>A review cycle reads its revision about a dozen times (the fact-check report, the decision, the
 * approval, the plagiarism check, the publication), each a query for the row, its references and its
 * authors.
 */
@Component
class RevisionMemory {

    static final int SIZE = 512;
    /** At most this many characters of revisions (about 8 MB of heap), whatever their number. */
    static final long CHARACTERS = 4_000_000;

    private final Map<String, RevisionView> views = new ConcurrentHashMap<>();
    private long characters;

    /** The revision if it is remembered, or was read earlier in this same transaction; else null. */
    RevisionView get(long articleId, int number) {
        String key = key(articleId, number);
        RevisionView known = views.get(key);
        if (known == null) {
            Pending pending = pending(false);
            known = pending == null ? null : pending.views.get(key);
        }
        return known;
    }

    /**
     * Remembers a revision read from the database, or just written, once (and if) the reading or
     * writing transaction commits.
     */
    void remember(RevisionView revision) {
        Pending pending = pending(true);
        if (pending == null) {
            put(revision);
        } else {
            pending.views.put(key(revision.articleId(), revision.number()), revision);
        }
    }

    /**
     * This transaction's revisions, kept as one of its synchronizations (which are suspended with it,
     * so a transaction started inside it never sees them); null outside a transaction.
     */
    private Pending pending(boolean create) {
        return TransactionScoped.of(this, Pending.class, create ? Pending::new : null);
    }

    /** The revisions one transaction read, remembered for all when it commits. */
    private final class Pending extends TransactionScoped {

        private final Map<String, RevisionView> views = new HashMap<>();

        Pending() {
            super(RevisionMemory.this);
        }

        @Override
        public void afterCommit() {
            views.values().forEach(RevisionMemory.this::put);
        }
    }

    private synchronized void put(RevisionView revision) {
        long weight = weight(revision);
        if (weight > CHARACTERS / 16) {
            return; // a very long revision is read from the database each time rather than crowd out the rest
        }
        if (views.size() >= SIZE || characters + weight > CHARACTERS) {
            views.clear();
            characters = 0;
        }
        if (views.put(key(revision.articleId(), revision.number()), revision) == null) {
            characters += weight;
        }
    }

    /** Roughly the characters a remembered revision holds (its body and summary dominate). */
    private static long weight(RevisionView revision) {
        return length(revision.body()) + length(revision.summary()) + length(revision.title())
                + 200L * revision.references().size() + 64L * revision.authors().size();
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String key(long articleId, int number) {
        return articleId + "/" + number;
    }
}
