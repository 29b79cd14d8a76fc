package com.imprimatur.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.article.ArticleService;
import com.imprimatur.audit.AuditExport;
import com.imprimatur.audit.AuditLog;
import com.imprimatur.audit.AuditQuery;
import com.imprimatur.staff.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An article's history for admins (ADMIN only, as all of /api/admin/**). */
@RestController
@RequestMapping("/api/admin/articles/{id}/history")
class HistoryController {

    private final ArticleHistory history;
    private final ArticleService articles;
    private final AuditLog log;
    private final Staff staff;
    private final ObjectMapper json;

    HistoryController(ArticleHistory history, ArticleService articles, AuditLog log, Staff staff, ObjectMapper json) {
        this.history = history;
        this.articles = articles;
        this.log = log;
        this.staff = staff;
        this.json = json;
    }

    @GetMapping
    ArticleHistory.History get(@PathVariable long id) {
        return history.of(staff.current(), id);
    }

    /** The article's audit events as a CSV or JSON download. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
        articles.requireVisible(staff.current(), id);
        return AuditExport.response("article-" + id + "-history", format, log, AuditQuery.ofArticle(id), json);
    }
}
