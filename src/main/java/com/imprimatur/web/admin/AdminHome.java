package com.imprimatur.web.admin;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ArticleView;
import com.imprimatur.audit.AuditLog;
import com.imprimatur.notification.MailFailures;
import com.imprimatur.audit.AuditQuery;
import com.imprimatur.factcheck.RetractionImport;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.staff.StaffProfile;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin}, where administrators land: the audit chain's state, recent sign-ins and failures,
 * the people, the articles and their histories, the retraction list, the engine's operations pages.
 */
@Controller
class AdminHome {

    static final List<String> SIGN_INS = List.of("login.");

    private final AuditLog log;
    private final AuditSentences sentences;
    private final Staff staff;
    private final ArticleService articles;
    private final RetractionImport retractions;

    private final MailFailures mail;

    AdminHome(AuditLog log, AuditSentences sentences, Staff staff, ArticleService articles, RetractionImport retractions,
            MailFailures mail) {
        this.mail = mail;
        this.log = log;
        this.sentences = sentences;
        this.staff = staff;
        this.articles = articles;
        this.retractions = retractions;
    }

    @GetMapping("/admin")
    String home(Model model) {
        StaffMember admin = staff.current();
        model.addAttribute("events", log.events());
        model.addAttribute("checkpoint", log.latestCheckpoint());
        var signIns = log.page(new AuditQuery(null, null, null, null, SIGN_INS), 0, 8);
        model.addAttribute("signIns", sentences.of(admin, signIns.events()));
        List<StaffProfile> people = staff.all();
        model.addAttribute("people", people.size());
        model.addAttribute("disabled", people.stream().filter(p -> !p.enabled()).count());
        List<ArticleView> all = articles.list(admin, false, null);
        model.addAttribute("articleCount", all.size());
        model.addAttribute("recentArticles", all.stream().limit(5).toList());
        model.addAttribute("notices", retractions.notices());
        var lastImport = log.page(new AuditQuery(null, null, null, null, List.of("retractions.imported")), 0, 1);
        model.addAttribute("lastImport", lastImport.events().isEmpty() ? null : sentences.of(admin, lastImport.events()).get(0));
        model.addAttribute("mailFailures", mail.recent());
        model.addAttribute("mailWaiting", mail.waiting());
        return "admin/home";
    }
}
