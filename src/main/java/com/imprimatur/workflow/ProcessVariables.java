package com.imprimatur.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names the BPMN and the code share. A task's decision is kept as {@code <taskKey>Decision}. */
final class ProcessVariables {

    static final String PROCESS_KEY = "article-review";

    static final String ARTICLE_ID = "articleId";
    /** The revision number under review. */
    static final String REVISION = "revision";
    /** Who submitted that revision: the assignee of "revise". */
    static final String WRITER = "writer";
    /** The revision's authors, comma-separated: never offered its review or approval (four-eyes). */
    static final String AUTHORS = "authors";
    static final String PLAGIARISM_FLAGGED = "plagiarismFlagged";
    /** When an approved publication is to go live (a Date), or null for at once. */
    static final String PUBLISH_AT = "approvePublicationAt";

    private ProcessVariables() {
    }

    static long articleId(VariableScope scope) {
        return ((Number) scope.getVariable(ARTICLE_ID)).longValue();
    }

    static int revision(VariableScope scope) {
        return ((Number) scope.getVariable(REVISION)).intValue();
    }

    static String decisionOf(String taskKey) {
        return taskKey + "Decision";
    }
}
