package com.imprimatur.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names the BPMN and the code share; the variables of a task's decision are named by {@code TaskKind}. */
final class ProcessVariables {

    static final String PROCESS_KEY = "article-review";

    static final String ARTICLE_ID = "articleId";
    /** The revision number under review. */
    static final String REVISION = "revision";
    /** Who submitted that revision: the assignee of the writer's revise task. */
    static final String WRITER = "writer";
    /** The revision's authors, comma-separated: never offered its review or approval (four-eyes). */
    static final String AUTHORS = "authors";
    /** Why the cycle was opened: a submission, a reader's report, or the scheduled re-review. */
    static final String OPENED_BECAUSE = "openedBecause";
    /** The reader's report a triage task is about (its public id). */
    static final String REPORT_ID = "reportId";
    static final String PLAGIARISM_FLAGGED = "plagiarismFlagged";

    private ProcessVariables() {
    }

    static long articleId(VariableScope scope) {
        return ((Number) scope.getVariable(ARTICLE_ID)).longValue();
    }

    static int revision(VariableScope scope) {
        return ((Number) scope.getVariable(REVISION)).intValue();
    }

}
