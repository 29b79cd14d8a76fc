package com.imprimatur.review;

import com.imprimatur.staff.Staff;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The decisions taken on an article: the reviewer's comments and verdicts a writer revises against. */
@RestController
class DecisionController {

    private final TaskDecisions decisions;
    private final Staff staff;

    DecisionController(TaskDecisions decisions, Staff staff) {
        this.decisions = decisions;
        this.staff = staff;
    }

    @GetMapping("/api/articles/{id}/decisions")
    List<DecisionView> decisions(@PathVariable long id) {
        return decisions.ofArticle(staff.current(), id);
    }
}
