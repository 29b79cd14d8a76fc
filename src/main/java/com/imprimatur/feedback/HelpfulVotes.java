package com.imprimatur.feedback;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Helpful / not helpful counts per article and revision, added to in place. */
@Repository
class HelpfulVotes {

    private final JdbcTemplate jdbc;

    HelpfulVotes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void count(long articleId, int revision, boolean helpful) {
        String column = helpful ? "helpful" : "not_helpful";
        jdbc.update("insert into helpful_vote (article_id, revision_number, " + column + ") values (?, ?, 1) "
                + "on duplicate key update " + column + " = " + column + " + 1", articleId, revision);
    }
}
