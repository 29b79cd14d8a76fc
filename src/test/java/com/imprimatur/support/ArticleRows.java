package com.imprimatur.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Articles and revisions written straight into their tables, as seeded or older data would be, for
 * tests of what lies below the API (the index backfill, the revision memory). On the caller's
 * transaction when it has one.
 */
public final class ArticleRows {

    private final JdbcTemplate jdbc;

    public ArticleRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new article by "writer" at revision 1: live when {@code published}, else in review; returns its id. */
    public long article(String slugPrefix, boolean published) {
        String slug = slugPrefix + "-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        if (published) {
            jdbc.update("insert into article (slug, created_by, created_at, status, current_revision, published_revision, published_at)"
                    + " values (?, 'writer', ?, 'PUBLISHED', 1, 1, ?)", slug, now, now);
        } else {
            jdbc.update("insert into article (slug, created_by, created_at, status, current_revision) values (?, 'writer', ?, 'IN_REVIEW', 1)",
                    slug, now);
        }
        return jdbc.queryForObject("select id from article where slug = ?", Long.class, slug);
    }

    /** Revision {@code number} of the article with this body; returns the revision's id. */
    public long revision(long article, int number, String body) {
        jdbc.update("insert into revision (article_id, number, title, summary, body, created_by, created_at, content_sha256)"
                + " values (?, ?, 'Inserted', 'Inserted', ?, 'writer', ?, ?)", article, number, body, Timestamp.from(Instant.now()),
                "0".repeat(64));
        return jdbc.queryForObject("select id from revision where article_id = ? and number = ?", Long.class, article, number);
    }
}
