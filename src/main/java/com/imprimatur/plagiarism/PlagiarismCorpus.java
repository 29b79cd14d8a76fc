package com.imprimatur.plagiarism;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.RevisionView;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.staff.StaffMember;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the check compares against: every published revision (indexed when it is published) and
 * every registered source (indexed when it is registered), in the durable {@link FingerprintIndex}.
 */
@Service
@Transactional
public class PlagiarismCorpus {

    private final Engine engine;
    private final FingerprintIndex index;
    private final ArticleService articles;
    private final RegisteredSources sources;
    private final AuditTrail audit;

    PlagiarismCorpus(Engine engine, FingerprintIndex index, ArticleService articles, RegisteredSources sources, AuditTrail audit) {
        this.engine = engine;
        this.index = index;
        this.articles = articles;
        this.sources = sources;
        this.audit = audit;
    }

    /**
     * Indexes a revision that has just gone live, in the transaction that publishes it (idempotent: an
     * indexed revision stays as it is). The fingerprints are computed now; the index's writer lock is
     * taken and the buckets written at the last moment before the commit, just before the audit chain
     * is appended ({@link #WRITE_ORDER}), so that the lock, which serialises every node's publications,
     * is held from the index write to the commit (the flush of pending JPA changes and the audit chain's
     * append among it) and not while the engine finishes the publishing job. A failure there still
     * rolls the publication back.
     */
    public void published(long articleId, int revisionNumber) {
        RevisionView revision = articles.revision(articleId, revisionNumber);
        if (index.contains(revision.id(), null)) {
            return;
        }
        Engine.Prepared text = engine.prepare(revision.body());
        long[] keys = text.winnowed(engine.settings());
        int words = text.tokens().size();
        Runnable write = () -> index.add(FingerprintIndex.ARTICLE_REVISION, revision.articleId(), revision.id(),
                revision.number(), null, keys, words);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return WRITE_ORDER;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                write.run();
            }
        });
    }

    /**
     * When a publication's index write runs among the transaction's before-commit work: before the
     * audit chain's append (the lowest precedence), so the two locks are always taken in one order
     * (index, then chain head), as a source registration takes them too.
     */
    static final int WRITE_ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    /** Indexes one published revision in a transaction of its own (the start-up backfill calls it per revision). */
    public void addPublished(long revisionId, long articleId, int number, String body) {
        if (index.contains(revisionId, null)) {
            return;
        }
        Engine.Prepared text = engine.prepare(body);
        index.add(FingerprintIndex.ARTICLE_REVISION, articleId, revisionId, number, null,
                text.winnowed(engine.settings()), text.tokens().size());
    }

    /** A registration's answer: the source, and whether it is new (false: the same text was registered before). */
    record Registration(SourceView source, boolean created) {
    }

    /**
     * Registers a source text and indexes it. The same text (by SHA-256) registered again is not
     * stored or indexed twice: the source already there is returned. The index's writer lock is taken
     * first, so two registrations of one text cannot both pass the look-up.
     */
    Registration register(StaffMember editor, SourceRequest request) {
        String sha256 = sha256(request.text());
        index.lock();
        Optional<RegisteredSource> existing = sources.findBySha256(sha256);
        if (existing.isPresent()) {
            RegisteredSource source = existing.get();
            return new Registration(source.view(index.sourceFingerprints(source.id())), false);
        }
        String url = request.url() == null || request.url().isBlank() ? null : request.url().strip();
        Engine.Prepared text = engine.prepareSource(request.text());
        RegisteredSource source = sources.save(new RegisteredSource(request.title().strip(), url, request.text(),
                sha256, text.tokens().size(), editor.username()));
        long[] keys = text.winnowed(engine.settings());
        index.add(FingerprintIndex.SOURCE, null, null, null, source.id(), keys, text.tokens().size());
        audit.recordAs(editor.username(), "plagiarism.source.registered", null, null,
                Map.of("sourceId", source.id(), "title", source.title(), "words", text.tokens().size()));
        return new Registration(source.view(keys.length), true);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
