package com.imprimatur.article;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Revisions as the engine's paths read them, remembered. A revision never changes once written and
 * is never deleted, so what one node read stays true on every node; but a revision is remembered only
 * once the transaction that read it has committed: one read inside a transaction that then rolls back
 * was never written, and its number will be given to another revision. Up to {@link #SIZE} are kept
 * (all are dropped when full: a first, simple bound).
 *
 * <p>A review cycle reads its revision about a dozen times (the fact-check report, the decision, the
 * approval, the plagiarism check, the publication), each a query for the row, its references and its
 * authors.
 */
@Component
class RevisionMemory {

    static final int SIZE = 512;

    private final Map<String, RevisionView> views = new ConcurrentHashMap<>();

    RevisionView get(long articleId, int number) {
        return views.get(key(articleId, number));
    }

    /** Remembers a revision read from the database, once (and if) the reading transaction commits. */
    void remember(RevisionView revision) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    put(revision);
                }
            });
        } else {
            put(revision);
        }
    }

    private void put(RevisionView revision) {
        if (views.size() >= SIZE) {
            views.clear();
        }
        views.put(key(revision.articleId(), revision.number()), revision);
    }

    private static String key(long articleId, int number) {
        return articleId + "/" + number;
    }
}
