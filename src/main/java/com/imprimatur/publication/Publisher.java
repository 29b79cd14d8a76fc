package com.imprimatur.publication;

import com.imprimatur.route.TaskKind;
import com.imprimatur.article.ArticleService;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.factcheck.FactCheck;
import com.imprimatur.factcheck.Finding;
import com.imprimatur.plagiarism.PlagiarismCorpus;
import com.imprimatur.review.TaskDecisions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts an approved revision live, reviewed by the physician who approved it, last reviewed at that approval. */
@Service
@Transactional
public class Publisher {

    private final ArticleService articles;
    private final TaskDecisions decisions;
    private final PlagiarismCorpus corpus;
    private final FactCheck factCheck;
    private final AuditTrail audit;

    /** What the gates say when a publication comes due. */
    public enum Gate {
        /** Open: the revision was published. */
        OPEN,
        /** The article was withdrawn, or a revision as new is live already: nothing to publish. */
        NOT_PUBLISHABLE,
        /** A blocking fact-check finding appeared since the approval (a retraction, say): a physician looks again. */
        RECHECK
    }

    /** Also indexes the revision for the plagiarism check, in the same transaction: live means comparable. */
    Publisher(ArticleService articles, TaskDecisions decisions, PlagiarismCorpus corpus, FactCheck factCheck, AuditTrail audit) {
        this.corpus = corpus;
        this.articles = articles;
        this.decisions = decisions;
        this.factCheck = factCheck;
        this.audit = audit;
    }

    /**
     * The gates, checked again when the publication runs (at once, or at its scheduled time, maybe
     * weeks after the editor's approval), and the publication if they are open; a closed gate is an
     * audit event. The physician's approval is read once for both.
     */
    public Gate publishIfOpen(long articleId, int revision) {
        Optional<TaskDecisions.Approval> approval = decisions.medicalApproval(articleId, revision);
        if (!articles.publishable(articleId, revision, approval.map(TaskDecisions.Approval::at).orElse(null))) {
            audit.record("publication.cancelled", articleId, revision,
                    Map.of("reason", "the article was withdrawn after the approval, or a revision as new is live"));
            return Gate.NOT_PUBLISHABLE;
        }
        List<Finding> blocking = factCheck.report(articleId, revision).blockingFindings();
        if (!blocking.isEmpty()) {
            audit.record("publication.held", articleId, revision, Map.of("reason", blocking.get(0).message(),
                    "blockingFindings", blocking.size(), "next", TaskKind.MEDICAL_REVIEW.key()));
            return Gate.RECHECK;
        }
        TaskDecisions.Approval approved = approval.orElseThrow(() -> new IllegalStateException("Revision " + revision
                + " of article " + articleId + " has no medical approval; refusing to publish it."));
        articles.published(articleId, revision, approved.reviewer(), approved.at());
        corpus.published(articleId, revision);
        return Gate.OPEN;
    }
}
