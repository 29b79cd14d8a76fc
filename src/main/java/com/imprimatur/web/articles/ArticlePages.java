package com.imprimatur.web.articles;

import com.imprimatur.route.TaskKind;
import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ArticleStatus;
import com.imprimatur.article.ArticleView;
import com.imprimatur.article.RevisionDiffs;
import com.imprimatur.article.RevisionView;
import com.imprimatur.review.DecisionView;
import com.imprimatur.problem.Problem;
import com.imprimatur.review.TaskDecisions;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.web.support.Markdown;
import com.imprimatur.web.support.PageModel;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /articles}: the articles the caller may see, one article's revisions and timeline (and, for
 * editors, its withdrawal), one revision.
 */
@Controller
class ArticlePages {

    private final ArticleService articles;
    private final TaskDecisions decisions;
    private final Staff staff;
    private final PageModel people;
    private final Markdown markdown;
    private final RevisionDiffs diffs;

    ArticlePages(ArticleService articles, TaskDecisions decisions, Staff staff, PageModel people, Markdown markdown,
            RevisionDiffs diffs) {
        this.diffs = diffs;
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
        return render(staff.current(), id, "", Map.of(), model);
    }

    /**
     * An editor withdraws the article: back to its page with what happened in words; without a reason
     * the page again with 422 and the error beside the field. 403 for anyone but an editor.
     */
    @PostMapping("/articles/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        StaffMember me = staff.current();
        try {
            ArticleView withdrawn = articles.withdraw(me, id, reason);
            redirect.addFlashAttribute("notice", "“" + withdrawn.title() + "” is withdrawn: readers now get a notice that it "
                    + "is no longer available, and no review cycle is open. Nothing was deleted; a new revision can be submitted.");
        } catch (Problem problem) {
            if (problem.status() == HttpStatus.UNPROCESSABLE_ENTITY) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                return render(me, id, reason, Map.of("reason", fieldMessage(problem)), model);
            }
            if (problem.status() != HttpStatus.CONFLICT) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/articles/" + id;
    }

    private String render(StaffMember me, long id, String reason, Map<String, String> errors, Model model) {
        ArticleView article = articles.get(me, id);
        List<RevisionView> history = articles.history(me, id);
        List<DecisionView> decided = decisions.ofArticle(me, id);
        List<Event> timeline = new ArrayList<>();
        for (RevisionView r : history) {
            timeline.add(new Event(r.createdAt(), "Revision " + r.number() + " submitted", r.createdBy(), r.changeNote()));
        }
        for (DecisionView d : decided) {
            String what = TaskKind.ofKey(d.taskKey()).map(TaskKind::title).orElse(d.taskKey()) + " of revision " + d.revision() + ": " + d.decision()
                    + (d.publishAt() == null ? "" : " at " + d.publishAt());
            timeline.add(new Event(d.decidedAt(), what, d.actor(), d.comment()));
        }
        if (article.publishedAt() != null) {
            timeline.add(new Event(article.publishedAt(), "Revision " + article.publishedRevision() + " published", null,
                    article.reviewedBy() == null ? null : "Medically reviewed by " + people.names(List.of(article.reviewedBy())).get(article.reviewedBy())));
        }
        ArticleView.Withdrawal withdrawal = article.withdrawal();
        if (withdrawal != null) {
            timeline.add(new Event(withdrawal.at(), "Withdrawn", withdrawal.by(), withdrawal.reason()));
        }
        timeline.sort(Comparator.comparing(Event::at).reversed());
        model.addAttribute("article", article);
        model.addAttribute("revisions", history);
        model.addAttribute("timeline", timeline);
        model.addAttribute("maySubmit", articles.maySubmit(me, id) && articles.acceptsRevision(id));
        model.addAttribute("mayWithdraw", me.has(Role.EDITOR) && withdrawal == null);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("errors", errors);
        model.addAttribute("types", TaskKind.titles());
        List<String> named = new ArrayList<>(Stream.concat(Stream.concat(history.stream().map(RevisionView::createdBy),
                decided.stream().map(DecisionView::actor)), article.openTasks().stream().map(t -> t.assignee())).toList());
        if (withdrawal != null) {
            named.add(withdrawal.by());
        }
        model.addAttribute("names", people.names(named));
        return "article";
    }

    /** The message of the problem's first field error ("say why …"), or its detail. */
    private static String fieldMessage(Problem problem) {
        if (problem.properties().get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.get(0) instanceof Map<?, ?> first && first.get("message") != null) {
            return first.get("message").toString();
        }
        return problem.getMessage();
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
            model.addAttribute("diffPrevious", diffs.compare(me, id, n - 1, revision));
        }
        model.addAttribute("names", people.names(revision.authors()));
        return "revision";
    }
}
