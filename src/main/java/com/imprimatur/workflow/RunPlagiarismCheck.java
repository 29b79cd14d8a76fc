package com.imprimatur.workflow;

import com.imprimatur.plagiarism.PlagiarismCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Check plagiarism". */
@Component("runPlagiarismCheck")
class RunPlagiarismCheck implements JavaDelegate {

    private final PlagiarismCheck check;

    RunPlagiarismCheck(PlagiarismCheck check) {
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessVariables.PLAGIARISM_FLAGGED, check.run(ProcessVariables.articleId(execution), ProcessVariables.revision(execution)));
    }
}
