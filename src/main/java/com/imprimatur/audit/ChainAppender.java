package com.imprimatur.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends a transaction's events to the chain at the last moment before it commits.
 *
 * <p>Each transaction collects its events in a {@link Batch} (a transaction synchronization, so it
 * is suspended and resumed with its transaction). In {@code beforeCommit} the batch first flushes
 * the transaction's pending JPA changes, so that nothing but the append and the commit happens while
 * the lock is held; then it locks the one-row chain head ({@code select … for update}), which under
 * READ COMMITTED reads the latest committed head and blocks while another transaction holds it;
 * chains its events on that head (each with the keyed MAC of its hash, {@link AuditKey}), inserts
 * them and moves the head. The lock is released by the
 * commit. A unique key on {@code prev_hash} backs this up: two events can never share a predecessor.
 */
@Component
class ChainAppender {

    private final JdbcTemplate jdbc;
    private final EntityManagerFactory entityManagers;
    private final AuditKey key;

    ChainAppender(JdbcTemplate jdbc, EntityManagerFactory entityManagers, AuditKey key) {
        this.jdbc = jdbc;
        this.entityManagers = entityManagers;
        this.key = key;
    }

    void enlist(PendingEvent event) {
        for (TransactionSynchronization sync : TransactionSynchronizationManager.getSynchronizations()) {
            if (sync instanceof Batch batch) {
                batch.events.add(event);
                return;
            }
        }
        Batch batch = new Batch();
        batch.events.add(event);
        TransactionSynchronizationManager.registerSynchronization(batch);
    }

    private void append(List<PendingEvent> events) {
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers);
        if (em != null) {
            em.flush();
        }
        Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue();
        String hash = (String) head.get("last_hash");
        List<Object[]> rows = new ArrayList<>(events.size());
        for (PendingEvent e : events) {
            seq++;
            String prev = hash;
            hash = ChainHash.of(prev, seq, e.occurredAt(), e.actor(), e.type(), e.articleId(), e.revision(), e.details());
            rows.add(new Object[] {seq, LocalDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC), e.actor(), e.type(),
                    e.articleId(), e.revision(), e.details(), prev, hash, key.ofEvent(hash)});
        }
        jdbc.batchUpdate("insert into audit_event (seq, occurred_at, actor, type, article_id, revision_number, details,"
                + " prev_hash, hash, mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
    }

    /** The events of one transaction. */
    private final class Batch implements TransactionSynchronization {

        private final List<PendingEvent> events = new ArrayList<>();

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!events.isEmpty()) {
                append(events);
            }
        }
    }
}
