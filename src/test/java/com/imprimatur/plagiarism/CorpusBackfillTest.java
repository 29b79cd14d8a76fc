package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.ArticleRows;
import com.imprimatur.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The start-up backfill: published revisions missing from the index, found by one anti-join, read in pages. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class CorpusBackfillTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlagiarismCorpus corpus;

    /** An article whose revision 1 is published (as seeded or pre-index data would be); returns the revision id. */
    private long publishedRevisionOutsideTheIndex(String body) {
        ArticleRows rows = new ArticleRows(jdbc);
        return rows.revision(rows.article("backfill", true), 1, body);
    }

    private boolean indexed(long revisionId) {
        return jdbc.queryForObject("select count(*) from plag_doc where revision_id = ?", Integer.class, revisionId) == 1;
    }

    @Test
    void indexesEveryMissingPublishedRevisionPageByPageAndSurvivesAFailure() {
        List<Long> revisions = new ArrayList<>();
        for (int i = 0; i < CorpusBackfill.PAGE + 5; i++) {
            revisions.add(publishedRevisionOutsideTheIndex("Backfilled text number " + i + " about sleep, light and the evening routine."));
        }
        long failing = revisions.get(3);
        PlagiarismCorpus flaky = new PlagiarismCorpus(null, null, null, null, null) {
            @Override
            public void addPublished(long revisionId, long articleId, int number, String body) {
                if (revisionId == failing) {
                    throw new org.springframework.dao.CannotAcquireLockException("Lock wait timeout exceeded (simulated)");
                }
                corpus.addPublished(revisionId, articleId, number, body);
            }
        };
        CorpusBackfill backfill = new CorpusBackfill(jdbc, flaky);
        int added = backfill.indexWhatIsMissing();
        assertThat(added).isGreaterThanOrEqualTo(revisions.size() - 1);
        assertThat(revisions.stream().filter(id -> id != failing)).allMatch(this::indexed);
        assertThat(indexed(failing)).isFalse();
        assertThat(backfill.page(0)).extracting(CorpusBackfill.Missing::revisionId).contains(failing);

        // the next start picks up what failed, and then nothing is missing
        CorpusBackfill real = new CorpusBackfill(jdbc, corpus);
        assertThat(real.indexWhatIsMissing()).isGreaterThanOrEqualTo(1);
        assertThat(indexed(failing)).isTrue();
        assertThat(real.page(0)).isEmpty();
        assertThat(real.indexWhatIsMissing()).isZero();
    }

    @Test
    void aFailingQueryIsLoggedNotThrown(org.springframework.boot.test.system.CapturedOutput output) {
        CorpusBackfill broken = new CorpusBackfill(new JdbcTemplate(), corpus);
        // no data source: the query itself fails …
        org.assertj.core.api.Assertions.assertThatThrownBy(broken::indexWhatIsMissing).isInstanceOf(RuntimeException.class);
        // … and at start that failure is logged, the start goes on
        org.assertj.core.api.Assertions.assertThatCode(broken::onStart).doesNotThrowAnyException();
        assertThat(output.getOut() + output.getErr()).contains("the start-up backfill stopped");
    }
}
