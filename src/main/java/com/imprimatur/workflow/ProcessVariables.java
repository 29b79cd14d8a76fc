package com.imprimatur.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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

    /**
     * Where a task's cycle keeps the variables the product reads: its process instance. The product
     * sets every variable there (at the start, and through a completion, which the engine writes to
     * the topmost scope), never on a task or a sub-process scope, so this reads the same values as the
     * task's own look-up, without the engine's query for the task's local variables and for each scope
     * in between (one statement each), and a task-local variable set through the engine's API (the
     * Camunda webapps, a script) cannot stand in for the cycle's authors or approving physician. A
     * task outside any process instance answers for itself.
     */
    static VariableScope ofCycle(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        return execution == null ? task : execution.getProcessInstance();
    }

    static long articleId(VariableScope scope) {
        return ((Number) scope.getVariable(ARTICLE_ID)).longValue();
    }

    static int revision(VariableScope scope) {
        return ((Number) scope.getVariable(REVISION)).intValue();
    }

}
