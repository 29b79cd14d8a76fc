package com.imprimatur.plagiarism;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.RevisionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, indexes any published revision the index does not hold yet (a database from before
 * the index, or seeded data). Already indexed revisions cost one look-up each; nothing is rebuilt.
 */
@Component
class CorpusBackfill {

    private static final Logger log = LoggerFactory.getLogger(CorpusBackfill.class);

    private final ArticleService articles;
    private final PlagiarismCorpus corpus;

    CorpusBackfill(ArticleService articles, PlagiarismCorpus corpus) {
        this.articles = articles;
        this.corpus = corpus;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexWhatIsMissing() {
        int added = 0;
        for (RevisionView published : articles.publishedRevisionsExcept(-1)) {
            corpus.add(published);
            added++;
        }
        log.info("Plagiarism index: {} published revisions checked at start", added);
    }
}
