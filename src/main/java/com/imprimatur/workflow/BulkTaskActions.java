package com.imprimatur.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.StaffMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Claiming, handing back or assigning several tasks at once. Each task is judged alone, by the very
 * {@link TaskDesk} method the single action calls, in a transaction of its own (this class has
 * none): a task someone else holds, or a four-eyes refusal, fails that task and no other.
 */
@Service
public class BulkTaskActions {

    /** The most tasks one request may name. */
    public static final int MAX_TASKS = 100;

    private static final Logger log = LoggerFactory.getLogger(BulkTaskActions.class);

    private final TaskDesk desk;

    BulkTaskActions(TaskDesk desk) {
        this.desk = desk;
    }

    public enum Action { CLAIM, UNCLAIM, ASSIGN }

    /**
     * What happened to one task: the HTTP status the single action would have answered, the task as
     * it is now when it succeeded, and the problem when it did not.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String taskId, int status, TaskView task, Map<String, Object> problem) {

        @JsonIgnore
        public boolean succeeded() {
            return status == 200;
        }
    }

    public List<Result> apply(StaffMember caller, Action action, List<String> taskIds, String username) {
        if (action == null) {
            throw malformed("action is CLAIM, UNCLAIM or ASSIGN.");
        }
        if (taskIds == null || taskIds.isEmpty() || taskIds.size() > MAX_TASKS) {
            throw malformed("taskIds names between 1 and " + MAX_TASKS + " tasks.");
        }
        if (action == Action.ASSIGN && (username == null || username.isBlank())) {
            throw Problem.invalid("username-required", "Name the user to give the tasks to.");
        }
        List<Result> results = new ArrayList<>();
        for (String taskId : new LinkedHashSet<>(taskIds)) {
            results.add(one(caller, action, taskId, username));
        }
        return results;
    }

    private Result one(StaffMember caller, Action action, String taskId, String username) {
        try {
            TaskView task = switch (action) {
                case CLAIM -> desk.claim(caller, taskId);
                case UNCLAIM -> desk.unclaim(caller, taskId);
                case ASSIGN -> desk.assign(caller, taskId, username);
            };
            return new Result(taskId, 200, task, null);
        } catch (Problem problem) {
            return new Result(taskId, problem.status().value(), null, describe(problem));
        } catch (RuntimeException e) {
            log.warn("Bulk {} of task {} failed", action, taskId, e);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Internal error");
            problem.put("status", 500);
            problem.put("detail", "This task could not be changed; nothing was changed on it. Try it again alone.");
            return new Result(taskId, 500, null, problem);
        }
    }

    private static Map<String, Object> describe(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().toString());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        body.putAll(problem.properties());
        return body;
    }

    private static Problem malformed(String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    }
}
