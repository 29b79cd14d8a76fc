package com.imprimatur.reports;

import com.imprimatur.staff.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reports for a publisher's BI tool: the same figures as {@code /reports}, editors and admins only. */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    private final Reports reports;
    private final Staff staff;

    ReportsController(Reports reports, Staff staff) {
        this.reports = reports;
        this.staff = staff;
    }

    @GetMapping("/turnaround")
    Reports.TurnaroundReport turnaround(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        reports.requireOversight(staff.current());
        return reports.turnaround(staff.current(), reports.period(from, to));
    }

    @GetMapping("/workload")
    Reports.WorkloadReport workload() {
        return reports.workload(staff.current());
    }

    @GetMapping("/feedback")
    Reports.FeedbackReport feedback(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        reports.requireOversight(staff.current());
        return reports.feedback(staff.current(), reports.period(from, to));
    }
}
