package com.imprimatur.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imprimatur.support.ArticleRows;
import com.imprimatur.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Revisions are remembered once read, but never one read by a transaction that rolled back. */
class RevisionMemoryTest extends IntegrationTest {

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private long article() {
        return new ArticleRows(jdbc).article("memory", false);
    }

    private void revision(long article, int number, String body) {
        new ArticleRows(jdbc).revision(article, number, body);
    }

    @Autowired
    Revisions stored;

    /**
     * A new article's revision is remembered as it was written: what the memory answers must be what
     * a read of the rows gives (the creation time as stored, to the microsecond; the references and
     * authors in order), and nothing of a creation that rolled back is remembered.
     */
    @Test
    void aWrittenRevisionIsRememberedAsTheDatabaseHoldsItAndOnlyOnceCommitted() {
        com.imprimatur.staff.StaffMember writer = new com.imprimatur.staff.StaffMember("writer",
                java.util.Set.of(com.imprimatur.staff.Role.WRITER));
        RevisionContent content = new RevisionContent("Remembered as written", "A summary.", "Iron and the blood (1). More (2).",
                java.util.List.of(new RevisionContent.Source("First source", "10.5555/memory.1", null, null),
                        new RevisionContent.Source("Second source", null, "12345", "https://example.org/2")),
                "No conflicts.", "first draft");
        long rolledBack = new TransactionTemplate(transactions).execute(s -> {
            long id = articles.create(writer, content).id();
            s.setRollbackOnly();
            return id;
        });
        assertThat(jdbc.queryForObject("select count(*) from revision where article_id = ?", Long.class, rolledBack)).isZero();
        assertThatThrownBy(() -> articles.revision(rolledBack, 1)).as("nothing of the rolled-back creation is remembered")
                .hasMessageContaining("Revision 1");

        long article = articles.create(writer, content).id();
        RevisionView remembered = articles.revision(article, 1);
        RevisionView read = new TransactionTemplate(transactions).execute(s -> stored.findByArticleIdAndNumber(article, 1).orElseThrow().view());
        assertThat(remembered).isEqualTo(read);
        assertThat(remembered.references()).hasSize(2);
        assertThat(remembered.authors()).containsExactly("writer");
    }

    @Autowired
    RevisionMemory memory;

    /**
     * A list of articles shows each one's title but does not fill the memory: an editor's list of
     * every article would push out the revisions the route is working on, bodies and all. One
     * article's view does remember its revision (its polls read it again and again).
     */
    @Test
    void aListShowsTitlesWithoutFillingTheMemoryAndAnArticlesViewFillsIt() {
        long article = article();
        revision(article, 1, "Listed, not remembered.");
        com.imprimatur.staff.StaffMember editor = new com.imprimatur.staff.StaffMember("editor",
                java.util.Set.of(com.imprimatur.staff.Role.EDITOR));
        assertThat(articles.list(editor, false, null)).filteredOn(a -> a.id() == article)
                .extracting(ArticleView::title).containsExactly("Inserted");
        assertThat(memory.get(article, 1)).isNull();
        assertThat(articles.get(editor, article).title()).isEqualTo("Inserted");
        assertThat(memory.get(article, 1)).isNotNull();
    }

    @Test
    void aRevisionReadInATransactionThatRolledBackIsNotRemembered() {
        long article = article();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            revision(article, 1, "The draft whose transaction fails.");
            assertThat(articles.revision(article, 1).body()).isEqualTo("The draft whose transaction fails.");
            throw new IllegalStateException("the submission failed after reading its revision");
        })).hasMessageContaining("failed");
        // the number is given to the revision written next
        revision(article, 1, "The revision that was written.");
        assertThat(articles.revision(article, 1).body()).isEqualTo("The revision that was written.");
    }

    @Test
    void withinOneTransactionARevisionIsReadOnceAndNothingOfItOutlivesARollback() {
        long article = article();
        revision(article, 1, "Hay fever and antihistamines.");
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            assertThat(articles.revision(article, 1).body()).isEqualTo("Hay fever and antihistamines.");
            jdbc.update("update revision set body = 'changed in this transaction' where article_id = ? and number = 1", article);
            assertThat(articles.revision(article, 1).body()).as("the second read in one transaction").isEqualTo("Hay fever and antihistamines.");
            s.setRollbackOnly();
        });
        jdbc.update("update revision set body = 'changed after the rollback' where article_id = ? and number = 1", article);
        assertThat(articles.revision(article, 1).body()).isEqualTo("changed after the rollback");
    }

    @Test
    void aVeryLongRevisionIsNotKeptToCrowdOutTheRest() {
        long article = article();
        String longBody = "Long text about vitamin D. ".repeat((int) (RevisionMemory.CHARACTERS / 16 / 27) + 10);
        revision(article, 1, longBody);
        assertThat(articles.revision(article, 1).body()).isEqualTo(longBody);
        jdbc.update("update revision set body = 'read again' where article_id = ? and number = 1", article);
        assertThat(articles.revision(article, 1).body()).isEqualTo("read again");
    }

    @Test
    void aCommittedRevisionIsReadOnceAndThenRemembered() {
        long article = article();
        revision(article, 1, "Sleep hygiene for shift workers.");
        assertThat(articles.revision(article, 1).body()).isEqualTo("Sleep hygiene for shift workers.");
        // revisions never change; were one changed behind the product's back, the remembered copy shows it was not read again
        jdbc.update("update revision set body = 'changed outside' where article_id = ? and number = 1", article);
        assertThat(articles.revision(article, 1).body()).isEqualTo("Sleep hygiene for shift workers.");
    }
}
