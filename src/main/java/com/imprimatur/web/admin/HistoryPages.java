package com.imprimatur.web.admin;

import com.imprimatur.admin.ArticleHistory;
import com.imprimatur.article.ArticleService;
import com.imprimatur.article.RevisionDiffs;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.staff.StaffProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Every article with a link to its history, and an article's history as a story (ADMIN only). */
@Controller
class HistoryPages {

    private final ArticleHistory history;
    private final ArticleService articles;
    private final RevisionDiffs diffs;
    private final AuditSentences sentences;
    private final Staff staff;

    HistoryPages(ArticleHistory history, ArticleService articles, RevisionDiffs diffs, AuditSentences sentences, Staff staff) {
        this.history = history;
        this.articles = articles;
        this.diffs = diffs;
        this.sentences = sentences;
        this.staff = staff;
    }

    @GetMapping("/admin/articles")
    String list(Model model) {
        model.addAttribute("articles", articles.list(staff.current(), false, null));
        return "admin/articles";
    }

    /** The story of an article, oldest first; with {@code from} and {@code to}, the word diff between those revisions. */
    @GetMapping("/admin/articles/{id}")
    String article(@PathVariable long id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        StaffMember admin = staff.current();
        ArticleHistory.History h = history.of(admin, id);
        int latest = h.article().currentRevision();
        int right = to == null ? latest : Math.max(1, Math.min(latest, to));
        int left = from == null ? Math.max(1, right - 1) : Math.max(1, Math.min(latest, from));
        model.addAttribute("history", h);
        model.addAttribute("from", left);
        model.addAttribute("to", right);
        if (left != right) {
            model.addAttribute("diff", diffs.compare(admin, id, left, right));
        }
        Map<Integer, ArticleHistory.RevisionEntry> revisions = new HashMap<>();
        h.revisions().forEach(r -> revisions.put(r.number(), r));
        model.addAttribute("revisions", revisions);
        model.addAttribute("lines", sentences.of(admin, h.timeline()));
        Map<String, StaffProfile> people = staff.profiles(h.revisions().stream().flatMap(r -> r.authors().stream()).distinct().toList());
        Map<Integer, String> authors = new HashMap<>();
        h.revisions().forEach(r -> authors.put(r.number(), r.authors().stream()
                .map(u -> people.containsKey(u) ? people.get(u).signature() + " (" + u + ")" : u).collect(Collectors.joining(", "))));
        model.addAttribute("authors", authors);
        return "admin/article";
    }
}
