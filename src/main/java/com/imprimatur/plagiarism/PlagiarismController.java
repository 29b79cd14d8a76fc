package com.imprimatur.plagiarism;

import com.imprimatur.staff.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PlagiarismController {

    private final PlagiarismCheck check;
    private final Staff staff;

    PlagiarismController(PlagiarismCheck check, Staff staff) {
        this.check = check;
        this.staff = staff;
    }

    @GetMapping("/api/articles/{id}/revisions/{n}/plagiarism")
    PlagiarismReportView report(@PathVariable long id, @PathVariable int n) {
        return check.report(staff.current(), id, n);
    }
}
