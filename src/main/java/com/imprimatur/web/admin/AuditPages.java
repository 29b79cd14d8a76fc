package com.imprimatur.web.admin;

import com.imprimatur.article.ArticleService;
import com.imprimatur.audit.AuditLog;
import com.imprimatur.audit.AuditQueries;
import com.imprimatur.audit.AuditQuery;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail to read: sentences, filters by article, person, kind and period, paging, the raw
 * record one click away (ADMIN only: /admin/** in SecurityConfig). The exports stay in the API.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final AuditSentences sentences;
    private final Staff staff;
    private final ArticleService articles;

    AuditPages(AuditLog log, AuditSentences sentences, Staff staff, ArticleService articles) {
        this.log = log;
        this.sentences = sentences;
        this.staff = staff;
        this.articles = articles;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) Long article, @RequestParam(required = false) String actor,
            @RequestParam(required = false) EventKind kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
        StaffMember admin = staff.current();
        AuditQuery query = AuditQueries.parse(article, actor, from, to);
        if (kind != null) {
            query = query.ofTypes(kind.types());
        }
        AuditLog.Page events = log.page(query, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("events", events);
        model.addAttribute("lines", sentences.of(admin, events.events()));
        model.addAttribute("article", article);
        model.addAttribute("actor", query.actor());
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("kinds", EventKind.values());
        model.addAttribute("people", staff.all());
        model.addAttribute("articles", articles.list(admin, false, null));
        model.addAttribute("lastPage", Math.max(0, (events.total() - 1) / PAGE_SIZE));
        return "admin/audit";
    }

    /** Walks the whole chain now and shows the result above the newest events. */
    @GetMapping("/admin/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", log.verify());
        return audit(null, null, null, null, null, 0, model);
    }
}
