package com.imprimatur.audit;

import com.imprimatur.identity.UserName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way into the audit trail. An event recorded inside a transaction is written by that
 * transaction, just before it commits, and is lost with it if it rolls back; an event recorded
 * outside any (a failed login) gets a transaction of its own.
 */
@Service
public class AuditTrail {

    /** The actor of what the engine's job executor and scheduled work do. */
    public static final String SYSTEM = "system";
    /** The actor of what an anonymous reader does. */
    public static final String READER = "reader";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final ChainAppender appender;
    private final TransactionTemplate ownTransaction;

    AuditTrail(ChainAppender appender, PlatformTransactionManager transactions) {
        this.appender = appender;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an event by the caller of the current request (or {@link #SYSTEM} / {@link #READER}). */
    public void record(String type, Long articleId, Integer revision, Map<String, ?> details) {
        recordAs(currentActor(), type, articleId, revision, details);
    }

    /** Records an event by a named actor. */
    public void recordAs(String actor, String type, Long articleId, Integer revision, Map<String, ?> details) {
        PendingEvent event = new PendingEvent(Instant.now().truncatedTo(ChronoUnit.MICROS), actor, type, articleId,
                revision, canonicalJson(details == null ? Map.of() : details));
        boolean writable = TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (writable) {
            appender.enlist(event);
        } else {
            ownTransaction.executeWithoutResult(status -> appender.enlist(event));
        }
    }

    static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be JSON-serialisable", e);
        }
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return SYSTEM;
        }
        if (auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return READER;
        }
        return UserName.canonical(auth.getName());
    }
}
