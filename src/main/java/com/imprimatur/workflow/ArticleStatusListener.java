package com.imprimatur.workflow;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ArticleStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Called from the BPMN's execution listeners: keeps the article's status in step with its cycle. */
@Component("articleStatus")
public class ArticleStatusListener {

    private final ArticleService articles;

    ArticleStatusListener(ArticleService articles) {
        this.articles = articles;
    }

    public void mark(DelegateExecution execution, String status) {
        articles.markStatus(ProcessVariables.articleId(execution), ArticleStatus.valueOf(status));
    }

    public void endedUnpublished(DelegateExecution execution) {
        articles.cycleEndedUnpublished(ProcessVariables.articleId(execution));
    }
}
