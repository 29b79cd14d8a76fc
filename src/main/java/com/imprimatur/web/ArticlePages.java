package com.imprimatur.web;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ArticleStatus;
import com.imprimatur.article.ArticleView;
import com.imprimatur.article.RevisionView;
import com.imprimatur.article.WordDiff;
import com.imprimatur.review.DecisionView;
import com.imprimatur.review.TaskDecisions;
import com.imprimatur.security.Staff;
import com.imprimatur.security.StaffMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /articles}: the articles the caller may see, one article's revisions and timeline, one revision. */
@Controller
class ArticlePages {

    private final ArticleService articles;
    private final TaskDecisions decisions;
    private final Staff staff;
    private final PageModel people;
    private final Markdown markdown;

    ArticlePages(ArticleService articles, TaskDecisions decisions, Staff staff, PageModel people, Markdown markdown) {
        this.articles = articles;
        this.decisions = decisions;
        this.staff = staff;
        this.people = people;
        this.markdown = markdown;
    }

    /** One line of an article's timeline. */
    record Event(Instant at, String what, String who, String detail) {
    }

    @GetMapping("/articles")
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean mine, Model model) {
        StaffMember me = staff.current();
        ArticleStatus filter = Stream.of(ArticleStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        List<ArticleView> found = articles.list(me, mine, filter);
        model.addAttribute("articles", found);
        model.addAttribute("statuses", ArticleStatus.values());
        model.addAttribute("status", filter);
        model.addAttribute("mineOnly", mine);
        model.addAttribute("names", people.names(found.stream().map(ArticleView::createdBy).toList()));
        return "articles";
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable long id, Model model) {
        StaffMember me = staff.current();
        ArticleView article = articles.get(me, id);
        List<RevisionView> history = articles.history(me, id);
        List<DecisionView> decided = decisions.ofArticle(me, id);
        List<Event> timeline = new ArrayList<>();
        for (RevisionView r : history) {
            timeline.add(new Event(r.createdAt(), "Revision " + r.number() + " submitted", r.createdBy(), r.changeNote()));
        }
        for (DecisionView d : decided) {
            String what = TaskPages.TYPES.getOrDefault(d.taskKey(), d.taskKey()) + " of revision " + d.revision() + ": " + d.decision()
                    + (d.publishAt() == null ? "" : " at " + d.publishAt());
            timeline.add(new Event(d.decidedAt(), what, d.actor(), d.comment()));
        }
        if (article.publishedAt() != null) {
            timeline.add(new Event(article.publishedAt(), "Revision " + article.publishedRevision() + " published", null,
                    article.reviewedBy() == null ? null : "Medically reviewed by " + people.names(List.of(article.reviewedBy())).get(article.reviewedBy())));
        }
        timeline.sort(Comparator.comparing(Event::at).reversed());
        model.addAttribute("article", article);
        model.addAttribute("revisions", history);
        model.addAttribute("timeline", timeline);
        model.addAttribute("maySubmit", articles.maySubmit(me, id) && articles.acceptsRevision(id));
        model.addAttribute("types", TaskPages.TYPES);
        model.addAttribute("names", people.names(Stream.concat(Stream.concat(history.stream().map(RevisionView::createdBy),
                decided.stream().map(DecisionView::actor)), article.openTasks().stream().map(t -> t.assignee())).toList()));
        return "article";
    }

    @GetMapping("/articles/{id}/revisions/{n}")
    String revision(@PathVariable long id, @PathVariable int n, Model model) {
        StaffMember me = staff.current();
        ArticleView article = articles.get(me, id);
        RevisionView revision = articles.revision(me, id, n);
        model.addAttribute("article", article);
        model.addAttribute("revision", revision);
        model.addAttribute("bodyHtml", markdown.html(revision.body()));
        if (n > 1) {
            model.addAttribute("diffPrevious", WordDiff.between(articles.revision(me, id, n - 1), revision));
        }
        model.addAttribute("names", people.names(revision.authors()));
        return "revision";
    }
}
