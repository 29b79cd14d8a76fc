package com.imprimatur.article;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Revisions read with plain SQL, for the paths that run on every reader's report. The live revision
 * of a published article is one query: reports and votes need neither the revision's references
 * nor its body (the body only when a report quotes a passage). Withdrawn and never-published
 * articles have no live revision; that is not cached, so a withdrawal is seen at once on every node.
 */
@Repository
public class LiveRevisions {

    /** The live revision: its row id, its number within the article, and its authors in order. */
    public record LiveRevision(long articleId, long revisionId, int number, List<String> authors) {
    }

    private static final int TITLES = 10_000;

    private final JdbcClient jdbc;
    private final Map<String, String> titles = new ConcurrentHashMap<>();
    private final RevisionMemory revisions;

    LiveRevisions(JdbcClient jdbc, RevisionMemory revisions) {
        this.jdbc = jdbc;
        this.revisions = revisions;
    }

    /** The article's live revision; empty when it has none, {@link ArticleGone} (410) when an editor withdrew it. */
    public Optional<LiveRevision> bySlug(String typed) {
        String slug = Slugs.canonical(typed);
        if (slug == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select a.id, r.id, r.number,
                       (select group_concat(ra.username order by ra.position separator ',')
                          from revision_author ra where ra.revision_id = r.id) authors,
                       a.withdrawn_at
                  from article a join revision r on r.article_id = a.id and r.number = a.published_revision
                 where a.slug = ?""")
                .param(slug)
                .query((rs, i) -> {
                    LocalDateTime withdrawn = rs.getObject(5, LocalDateTime.class);
                    if (withdrawn != null) {
                        // written by Hibernate in UTC (hibernate.jdbc.time_zone)
                        throw new ArticleGone(withdrawn.toInstant(ZoneOffset.UTC));
                    }
                    return new LiveRevision(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                            rs.getString(4) == null ? List.of() : Arrays.asList(rs.getString(4).split(",")));
                })
                .optional();
    }

    private void remember(String key, String title) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    put(key, title);
                }
            });
        } else {
            put(key, title);
        }
    }

    private void put(String key, String title) {
        if (titles.size() >= TITLES) {
            titles.clear();
        }
        titles.put(key, title);
    }

    public String body(long revisionId) {
        return jdbc.sql("select body from revision where id = ?").param(revisionId).query(String.class).single();
    }

    /**
     * The title of an article's revision, or empty when there is no such revision. Revisions never
     * change once written, so titles are remembered (up to {@link #TITLES} of them), but only once
     * the transaction that read them has committed: a revision read inside a transaction that then
     * rolls back was never written, and its number will be given to another. The revisions remembered
     * whole ({@link RevisionMemory}) answer too, the one this transaction wrote among them.
     */
    public String title(long articleId, int number) {
        String key = articleId + "/" + number;
        String title = titles.get(key);
        if (title == null) {
            // a revision this transaction wrote or read (a new article's queue row and notice ask for it)
            RevisionView known = revisions.get(articleId, number);
            if (known != null) {
                return known.title();
            }
            Optional<String> found = jdbc.sql("select title from revision where article_id = ? and number = ?")
                    .param(articleId).param(number).query(String.class).optional();
            if (found.isEmpty()) {
                return "";
            }
            title = found.get();
            remember(key, title);
        }
        return title;
    }
}
