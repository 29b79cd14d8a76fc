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
