package com.imprimatur.admin;

import com.imprimatur.article.RevisionDiffs;
import com.imprimatur.audit.AuditLog;
import com.imprimatur.security.Staff;
import com.imprimatur.security.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin pages of the audit trail (ADMIN only: /admin/** in SecurityConfig). Plain markup, no script. */
@Controller
class AdminPages {

    private final AuditLog log;
    private final ArticleHistory history;
    private final RevisionDiffs diffs;
    private final Staff staff;

    AdminPages(AuditLog log, ArticleHistory history, RevisionDiffs diffs, Staff staff) {
        this.log = log;
        this.history = history;
        this.diffs = diffs;
        this.staff = staff;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) Long article, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var query = com.imprimatur.audit.AuditQueries.parse(article, actor, from, to);
        AuditLog.Page events = log.page(query, Math.max(0, page), 50);
        model.addAttribute("events", events);
        model.addAttribute("article", article);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("verification", null);
        return "admin/audit";
    }

    @GetMapping("/admin/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", log.verify());
        model.addAttribute("events", log.page(com.imprimatur.audit.AuditQueries.parse(null, null, null, null), 0, 50));
        return "admin/audit";
    }

    /** An article's history; with {@code from} and {@code to}, the word diff between those two revisions. */
    @GetMapping("/admin/articles/{id}")
    String article(@PathVariable long id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        StaffMember admin = staff.current();
        ArticleHistory.History h = history.of(admin, id);
        model.addAttribute("history", h);
        int latest = h.article().currentRevision();
        int right = to == null ? latest : to;
        int left = from == null ? Math.max(1, right - 1) : from;
        model.addAttribute("from", left);
        model.addAttribute("to", right);
        model.addAttribute("diff", diffs.between(admin, id, left, right));
        return "admin/article";
    }
}
