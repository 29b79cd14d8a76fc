package com.imprimatur.workflow;

import com.imprimatur.problem.Problem;
import com.imprimatur.review.DecisionRequest;
import com.imprimatur.staff.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    /** The number of tasks the whole queue holds, beside the page in the body. */
    static final String TOTAL_HEADER = "X-Total-Count";

    private final TaskDesk desk;
    private final BulkTaskActions bulk;
    private final Staff staff;

    TaskController(TaskDesk desk, BulkTaskActions bulk, Staff staff) {
        this.desk = desk;
        this.bulk = bulk;
        this.staff = staff;
    }

    record BulkRequest(BulkTaskActions.Action action, List<String> taskIds, String username) {
    }

    record BulkResults(List<BulkTaskActions.Result> results) {
    }

    record Assignment(@NotBlank(message = "name the user to give the task to") String username) {
    }

    @GetMapping
    ResponseEntity<List<TaskView>> queue(@RequestParam(defaultValue = "mine") String queue,
            @RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "200") int size) {
        TaskDesk.Queue which = switch (queue) {
            case "mine", "available", "team" -> TaskDesk.Queue.valueOf(queue.toUpperCase(Locale.ROOT));
            default -> throw new Problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "queue is 'mine', 'available' or 'team'.");
        };
        QueuePage found = desk.queue(staff.current(), which, type == null || type.isBlank() ? null : type, page, size);
        return ResponseEntity.ok().header(TOTAL_HEADER, String.valueOf(found.total())).body(found.tasks());
    }

    /** Several tasks at once; each is judged alone and answered in its own result (200 even when some fail). */
    @PostMapping("/bulk")
    BulkResults bulk(@RequestBody BulkRequest request) {
        return new BulkResults(bulk.apply(staff.current(), request.action(), request.taskIds(), request.username()));
    }

    @PostMapping("/{id}/claim")
    TaskView claim(@PathVariable String id) {
        return desk.claim(staff.current(), id);
    }

    @PostMapping("/{id}/unclaim")
    TaskView unclaim(@PathVariable String id) {
        return desk.unclaim(staff.current(), id);
    }

    @PostMapping("/{id}/assign")
    TaskView assign(@PathVariable String id, @Valid @RequestBody Assignment assignment) {
        return desk.assign(staff.current(), id, assignment.username());
    }

    @PostMapping("/{id}/complete")
    TaskView complete(@PathVariable String id, @Valid @RequestBody DecisionRequest decision) {
        return desk.complete(staff.current(), id, decision);
    }
}
