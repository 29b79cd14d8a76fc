package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imprimatur.audit.AuditTrail;
import com.imprimatur.support.ArticleRows;
import com.imprimatur.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A publication's index write: in the publishing transaction, but with the index's writer lock taken
 * only at its commit, so that the lock serialising every node's publications is not held while the
 * rest of the transaction works.
 */
class PublicationIndexTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PlagiarismCorpus corpus;

    @Autowired
    AuditTrail trail;

    /** An article whose revision 1 is live (as the publisher has just marked it); returns the article id. */
    private long liveArticle(String body) {
        ArticleRows rows = new ArticleRows(jdbc);
        long article = rows.article("index-late", true);
        rows.revision(article, 1, body);
        return article;
    }

    private int indexedRevisionsOf(long article) {
        return jdbc.queryForObject("select count(*) from plag_doc where article_id = ?", Integer.class, article);
    }

    @Test
    void theWriterLockIsTakenOnlyAtTheCommitAndTheRevisionIsIndexedByIt() {
        long article = liveArticle("Evening light, the hour before sleep and what a bedside lamp does to melatonin in adults.");
        List<Boolean> lockFree = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            corpus.published(article, 1);
            trail.recordAs("tester", "test.index-late", article, 1, Map.of());
            // the publishing transaction goes on (the engine finishing its job): another node may index meanwhile
            lockFree.add(indexLockableByAnother());
            corpus.published(article, 1); // a second call in the same transaction writes nothing twice
            lockFree.add(indexLockableByAnother());
        });
        assertThat(lockFree).containsExactly(true, true);
        assertThat(indexedRevisionsOf(article)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where type = 'test.index-late' and article_id = ?",
                Integer.class, article)).isEqualTo(1);
    }

    @Test
    void aPublicationRolledBackLeavesNothingInTheIndex() {
        long article = liveArticle("Morning runs, knee pain and the evidence for changing shoes every few hundred kilometres.");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            corpus.published(article, 1);
            throw new IllegalStateException("the engine failed after the delegate");
        })).hasMessage("the engine failed after the delegate");
        assertThat(indexedRevisionsOf(article)).isZero();
    }

    /** Whether another connection can take the index's writer lock at once (NOWAIT), then lets it go. */
    private boolean indexLockableByAnother() {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeQuery("select id from plag_index_lock where id = 1 for update nowait").close();
                return true;
            } catch (SQLException lockHeld) {
                return false;
            } finally {
                other.rollback();
                other.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
