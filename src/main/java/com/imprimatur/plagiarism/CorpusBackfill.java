package com.imprimatur.plagiarism;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start, indexes any published revision the index does not hold yet (a database from before
 * the index, or seeded data). One anti-join finds them — published revisions with no
 * {@code plag_doc} row — read a page at a time in id order, so an indexed corpus costs one query
 * and a large backlog never sits in memory at once. Each revision is indexed in its own
 * transaction; a failure (a lock timeout while another node writes the index, say) is logged and
 * that revision left for the next start, and never stops the application.
 */
@Component
class CorpusBackfill {

    private static final Logger log = LoggerFactory.getLogger(CorpusBackfill.class);
    static final int PAGE = 50;

    /** A published revision the index lacks: only what indexing needs. */
    record Missing(long revisionId, long articleId, int number, String body) {
    }

    private final JdbcTemplate jdbc;
    private final PlagiarismCorpus corpus;

    CorpusBackfill(JdbcTemplate jdbc, PlagiarismCorpus corpus) {
        this.jdbc = jdbc;
        this.corpus = corpus;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            indexWhatIsMissing();
        } catch (RuntimeException e) {
            log.error("Plagiarism index: the start-up backfill stopped; missing revisions are retried at the next start", e);
        }
    }

    /** Returns how many revisions were added; failures are logged and skipped. */
    int indexWhatIsMissing() {
        int added = 0;
        int failed = 0;
        long after = 0;
        while (true) {
            List<Missing> page = page(after);
            for (Missing m : page) {
                after = m.revisionId();
                try {
                    corpus.addPublished(m.revisionId(), m.articleId(), m.number(), m.body());
                    added++;
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("Plagiarism index: revision {} (article {}, revision {}) not indexed at start; retried at the next start",
                            m.revisionId(), m.articleId(), m.number(), e);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        log.info("Plagiarism index: {} published revisions added at start, {} failed", added, failed);
        return added;
    }

    List<Missing> page(long afterRevisionId) {
        return jdbc.query("""
                select r.id, r.article_id, r.number, r.body
                from revision r
                join article a on a.id = r.article_id and a.published_revision = r.number
                where r.id > ? and not exists (select 1 from plag_doc d where d.revision_id = r.id)
                order by r.id
                limit ?""",
                (rs, i) -> new Missing(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4)), afterRevisionId, PAGE);
    }
}
