package com.imprimatur.web.articles;

import com.imprimatur.route.TaskKind;
import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ArticleView;
import com.imprimatur.article.RevisionContent;
import com.imprimatur.problem.Problem;
import com.imprimatur.review.DecisionView;
import com.imprimatur.review.TaskDecisions;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.web.support.Markdown;
import com.imprimatur.web.support.PageModel;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /articles/new} and {@code /articles/{id}/edit}: Markdown with a preview rendered by the
 * same code as every other page, a references editor (rows added and removed on the server, so it
 * works without JavaScript), a change note, and the reviewers' comments beside the editor.
 */
@Controller
class ArticleEditor {

    private static final Pattern ROW = Pattern.compile("references\\[(\\d+)]\\.(\\w+)");

    private final ArticleService articles;
    private final TaskDecisions decisions;
    private final Staff staff;
    private final PageModel people;
    private final Markdown markdown;
    private final Validator validator;

    ArticleEditor(ArticleService articles, TaskDecisions decisions, Staff staff, PageModel people, Markdown markdown,
            Validator validator) {
        this.articles = articles;
        this.decisions = decisions;
        this.staff = staff;
        this.people = people;
        this.markdown = markdown;
        this.validator = validator;
    }

    @GetMapping("/articles/new")
    String create(Model model) {
        requireWriter(staff.current());
        return editor(null, ArticleForm.empty(), Map.of(), model);
    }

    @PostMapping("/articles")
    String created(@ModelAttribute ArticleForm form, @RequestParam(defaultValue = "submit") String action, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        StaffMember me = staff.current();
        requireWriter(me);
        return send(null, form, action, model, response, () -> {
            ArticleView article = articles.create(me, form.content());
            redirect.addFlashAttribute("notice", "Revision 1 of “" + article.title() + "” is submitted for medical review.");
            return "redirect:/articles/" + article.id();
        });
    }

    @GetMapping("/articles/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        StaffMember me = staff.current();
        ArticleView article = editable(me, id);
        return editor(article, ArticleForm.of(articles.revision(me, id, article.currentRevision())), Map.of(), model);
    }

    @PostMapping("/articles/{id}/revisions")
    String revised(@PathVariable long id, @ModelAttribute ArticleForm form, @RequestParam(defaultValue = "submit") String action,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        StaffMember me = staff.current();
        return send(editable(me, id), form, action, model, response, () -> {
            ArticleView updated = articles.submit(me, id, form.content());
            redirect.addFlashAttribute("notice", "Revision " + updated.currentRevision() + " is submitted for medical review.");
            return "redirect:/articles/" + id;
        });
    }

    /**
     * The editor's buttons: "submit" checks the content and hands it to {@code submission} (which
     * answers where to go next); the others (preview, add or remove a reference row) show the
     * editor again, as do invalid content and a refusal, with 422 and the errors by their fields.
     */
    private String send(ArticleView article, ArticleForm form, String action, Model model, HttpServletResponse response,
            Supplier<String> submission) {
        Map<String, String> errors = new LinkedHashMap<>();
        if ("submit".equals(action) && (errors = check(form)).isEmpty()) {
            try {
                return submission.get();
            } catch (Problem problem) {
                errors.put("form", problem.getMessage());
            }
        }
        edited(form, action);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        return editor(article, form, errors, model);
    }

    /** The live preview: the same rendering and sanitising as the review pages. */
    @PostMapping(value = "/articles/preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String preview(@RequestParam(defaultValue = "") String body) {
        staff.current();
        return markdown.html(body);
    }

    private String editor(ArticleView article, ArticleForm form, Map<String, String> errors, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("previewHtml", markdown.html(form.getBody()));
        if (article != null) {
            StaffMember me = staff.current();
            List<DecisionView> comments = new ArrayList<>(decisions.ofArticle(me, article.id()).stream()
                    .filter(d -> d.comment() != null || !d.referenceVerdicts().isEmpty()).toList());
            Collections.reverse(comments);
            model.addAttribute("comments", comments);
            model.addAttribute("accepting", articles.acceptsRevision(article.id()));
            model.addAttribute("types", TaskKind.titles());
            model.addAttribute("names", people.names(comments.stream().map(DecisionView::actor).toList()));
        }
        return "article-form";
    }

    /** Bean Validation of the content, each message keyed by the form field it is about. */
    private Map<String, String> check(ArticleForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Integer> rows = form.filledRows();
        for (ConstraintViolation<RevisionContent> v : validator.validate(form.content())) {
            String path = v.getPropertyPath().toString();
            Matcher row = ROW.matcher(path);
            if (row.find()) {
                path = "references[" + rows.get(Integer.parseInt(row.group(1))) + "]." + row.group(2);
            } else if (path.startsWith("references")) {
                path = "references";
            }
            errors.putIfAbsent(path, v.getMessage());
        }
        return errors;
    }

    /** The references editor's own buttons: add a row, or remove row n. */
    private static void edited(ArticleForm form, String action) {
        if ("addReference".equals(action)) {
            form.getReferences().add(new ArticleForm.ReferenceField());
        } else if (action.startsWith("remove-")) {
            int row = Integer.parseInt(action.substring("remove-".length()));
            if (row >= 0 && row < form.getReferences().size()) {
                form.getReferences().remove(row);
            }
        }
        if (form.getReferences().isEmpty()) {
            form.getReferences().add(new ArticleForm.ReferenceField());
        }
    }

    private ArticleView editable(StaffMember me, long id) {
        ArticleView article = articles.get(me, id);
        if (!articles.maySubmit(me, id)) {
            throw Problem.forbidden("not-an-author", "Only the article's authors and editors write its revisions.");
        }
        return article;
    }

    private static void requireWriter(StaffMember me) {
        if (!me.has(Role.WRITER)) {
            throw Problem.forbidden("not-a-writer", "Only writers create articles.");
        }
    }
}
