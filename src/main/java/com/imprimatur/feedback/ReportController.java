package com.imprimatur.feedback;

import com.imprimatur.staff.Staff;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Readers' reports on an article and their states, for staff who may see the article. */
@RestController
class ReportController {

    private final FeedbackTriage triage;
    private final Staff staff;

    ReportController(FeedbackTriage triage, Staff staff) {
        this.triage = triage;
        this.staff = staff;
    }

    @GetMapping("/api/articles/{id}/reports")
    List<ReportView> reports(@PathVariable long id) {
        return triage.reports(staff.current(), id);
    }
}
