package com.imprimatur.web.reports;

import com.imprimatur.reports.Figure;
import com.imprimatur.reports.ReportFigures;
import com.imprimatur.reports.ReportPeriod;
import com.imprimatur.reports.Reports;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /reports}: every figure as a chart with its table beside it, and each table as CSV. Editors and admins. */
@Controller
class ReportPages {

    private static final int OVERDUE_LISTED = 20;

    private final ReportFigures figures;
    private final Reports reports;
    private final Staff staff;

    ReportPages(ReportFigures figures, Reports reports, Staff staff) {
        this.figures = figures;
        this.reports = reports;
        this.staff = staff;
    }

    /** A figure on the page: its table and its chart. */
    record Shown(Figure figure, BarChart chart) {
    }

    @GetMapping("/reports")
    String reports(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        StaffMember me = staff.current();
        reports.requireOversight(me);
        ReportPeriod period = reports.period(from, to);
        List<Shown> shown = figures.all(me, period).stream().map(f -> new Shown(f, BarChart.of(f))).toList();
        model.addAttribute("period", period);
        model.addAttribute("figures", shown);
        model.addAttribute("overdue", figures.mostOverdue(me, OVERDUE_LISTED));
        return "reports";
    }

    @GetMapping("/reports/export")
    ResponseEntity<byte[]> export(@RequestParam String figure, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        StaffMember me = staff.current();
        reports.requireOversight(me);
        ReportPeriod period = reports.period(from, to);
        Figure found = figures.figure(me, period, figure);
        String name = "imprimatur-" + found.id() + "-" + period.from() + "-to-" + period.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(found.csv().getBytes(StandardCharsets.UTF_8));
    }
}
