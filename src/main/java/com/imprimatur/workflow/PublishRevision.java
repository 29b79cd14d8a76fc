package com.imprimatur.workflow;

import com.imprimatur.publication.Publisher;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Publish revision": the gates again, then live; a closed gate is one of the BPMN's error events. */
@Component("publishRevision")
class PublishRevision implements JavaDelegate {

    static final String NOT_PUBLISHABLE = "articleNotPublishable";
    static final String GATE_FAILED = "publicationGateFailed";

    private final Publisher publisher;

    PublishRevision(Publisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long articleId = ProcessVariables.articleId(execution);
        int revision = ProcessVariables.revision(execution);
        switch (publisher.publishIfOpen(articleId, revision)) {
            case NOT_PUBLISHABLE -> throw new BpmnError(NOT_PUBLISHABLE, "Article " + articleId + " was withdrawn or is newer already");
            case RECHECK -> throw new BpmnError(GATE_FAILED, "A blocking fact-check finding appeared since the approval");
            case OPEN -> { }
        }
    }
}
