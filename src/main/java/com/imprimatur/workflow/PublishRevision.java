package com.imprimatur.workflow;

import com.imprimatur.publication.Publisher;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Publish revision". */
@Component("publishRevision")
class PublishRevision implements JavaDelegate {

    private final Publisher publisher;

    PublishRevision(Publisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void execute(DelegateExecution execution) {
        publisher.publish(ProcessVariables.articleId(execution), ProcessVariables.revision(execution));
    }
}
