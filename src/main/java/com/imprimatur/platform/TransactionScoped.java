package com.imprimatur.platform;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State that lives as long as one transaction, one per owner, kept as one of the transaction's
 * synchronizations: it is suspended with its transaction, so a transaction started inside it gets
 * state of its own, and there is none outside a transaction.
 */
public abstract class TransactionScoped implements TransactionSynchronization {

    private final Object owner;

    protected TransactionScoped(Object owner) {
        this.owner = owner;
    }

    /**
     * The owner's state of this type in the current transaction; when it has none, the one
     * {@code make} makes (registered with the transaction), or null when {@code make} is null.
     * Null outside a transaction.
     */
    public static <T extends TransactionScoped> T of(Object owner, Class<T> type, Supplier<T> make) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization sync : TransactionSynchronizationManager.getSynchronizations()) {
            if (type.isInstance(sync) && ((TransactionScoped) sync).owner == owner) {
                return type.cast(sync);
            }
        }
        if (make == null) {
            return null;
        }
        T made = make.get();
        TransactionSynchronizationManager.registerSynchronization(made);
        return made;
    }
}
