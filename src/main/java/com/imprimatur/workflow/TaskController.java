package com.imprimatur.workflow;

import com.imprimatur.problem.Problem;
import com.imprimatur.review.DecisionRequest;
import com.imprimatur.security.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
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

    private final TaskDesk desk;
    private final Staff staff;

    TaskController(TaskDesk desk, Staff staff) {
        this.desk = desk;
        this.staff = staff;
    }

    record Assignment(@NotBlank(message = "name the user to give the task to") String username) {
    }

    @GetMapping
    List<TaskView> queue(@RequestParam(defaultValue = "mine") String queue) {
        return switch (queue) {
            case "mine" -> desk.mine(staff.current());
            case "available" -> desk.available(staff.current());
            default -> throw new Problem(org.springframework.http.HttpStatus.BAD_REQUEST, "malformed-request",
                    "Malformed request", "queue is 'mine' or 'available'.");
        };
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
