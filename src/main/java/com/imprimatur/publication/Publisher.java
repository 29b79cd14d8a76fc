package com.imprimatur.publication;

import com.imprimatur.article.ArticleService;
import com.imprimatur.plagiarism.PlagiarismCorpus;
import com.imprimatur.review.TaskDecisions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts an approved revision live, reviewed by the physician who approved it, last reviewed at that approval. */
@Service
@Transactional
public class Publisher {

    private final ArticleService articles;
    private final TaskDecisions decisions;
    private final PlagiarismCorpus corpus;

    /** Also indexes the revision for the plagiarism check, in the same transaction: live means comparable. */
    Publisher(ArticleService articles, TaskDecisions decisions, PlagiarismCorpus corpus) {
        this.corpus = corpus;
        this.articles = articles;
        this.decisions = decisions;
    }

    public void publish(long articleId, int revision) {
        TaskDecisions.Approval approval = decisions.medicalApproval(articleId, revision).orElseThrow(
                () -> new IllegalStateException("Revision " + revision + " of article " + articleId
                        + " has no medical approval; refusing to publish it."));
        articles.published(articleId, revision, approval.reviewer(), approval.at());
        corpus.published(articleId, revision);
    }
}
