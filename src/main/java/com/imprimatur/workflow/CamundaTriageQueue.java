package com.imprimatur.workflow;

import com.imprimatur.feedback.TriageQueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Each stored report starts processes/feedback-triage.bpmn, whose first step is the editors' triage task. */
@Component
class CamundaTriageQueue implements TriageQueue {

    static final String PROCESS_KEY = "feedback-triage";

    private final RuntimeService runtime;

    CamundaTriageQueue(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void reportReceived(long articleId, int revision, String reportId, List<String> authors) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.ARTICLE_ID, articleId);
        variables.put(ProcessVariables.REVISION, revision);
        variables.put(ProcessVariables.REPORT_ID, reportId);
        variables.put(ProcessVariables.AUTHORS, String.join(",", authors));
        runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(articleId), variables);
    }
}
