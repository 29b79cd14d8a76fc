package com.imprimatur.web.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.article.ArticleGone;
import com.imprimatur.feedback.FeedbackIntake;
import com.imprimatur.feedback.FeedbackRequest;
import com.imprimatur.problem.Problem;
import com.imprimatur.publication.PublicArticles;
import com.imprimatur.web.support.Markdown;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /public/articles/{slug}}: the page a reader sees, with who wrote and reviewed it and when,
 * the references, the disclaimer, the schema.org JSON-LD, the feedback form and the helpful vote;
 * once an editor has withdrawn the article, a short notice with 410 Gone instead.
 *
 * <p>Nothing here makes a session (security.SecurityConfig serves {@code /public/**} statelessly):
 * the forms are guarded by {@link ReaderForms}, and the thanks after a post come from the address
 * the reader is sent to ({@code ?sent=<signed report id>}, {@code ?voted=1}), not from a flash attribute.
 */
@Controller
class PublicArticlePage {

    private final PublicArticles articles;
    private final FeedbackIntake feedback;
    private final Markdown markdown;
    private final ObjectMapper json;
    private final ReaderForms forms;

    PublicArticlePage(PublicArticles articles, FeedbackIntake feedback, Markdown markdown, ObjectMapper json, ReaderForms forms) {
        this.articles = articles;
        this.feedback = feedback;
        this.markdown = markdown;
        this.json = json;
        this.forms = forms;
    }

    /** The form's fields; {@code website} is the honeypot, hidden from people. */
    static final class ReportForm {
        private String reason;
        private String comment;
        private String passage;
        private String email;
        private String website;

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
        public String getPassage() { return passage; }
        public void setPassage(String passage) { this.passage = passage; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getWebsite() { return website; }
        public void setWebsite(String website) { this.website = website; }
    }

    @GetMapping("/public/articles/{slug}")
    String page(@PathVariable String slug, @RequestParam(required = false) String sent,
            @RequestParam(required = false) String voted, Model model) {
        String reportId = forms.reportId(sent);
        if (reportId != null) {
            model.addAttribute("thanks", "Thank you. Your report is stored under the number " + reportId
                    + "; an editor will read it.");
        }
        if (voted != null) {
            model.addAttribute("voted", "Thank you for telling us.");
        }
        return render(slug, new ReportForm(), Map.of(), model);
    }

    @PostMapping("/public/articles/{slug}/feedback")
    String report(@PathVariable String slug, @ModelAttribute ReportForm form, @RequestParam(required = false) String formToken,
            Model model, HttpServletRequest http, HttpServletResponse response) {
        ReaderForms.Verdict verdict = forms.check(slug, formToken, http);
        if (verdict != ReaderForms.Verdict.ACCEPTED) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            // what a reader typed is kept when their own page merely expired, never echoed for a post from elsewhere
            return render(slug, verdict == ReaderForms.Verdict.EXPIRED ? form : new ReportForm(), Map.of("form", verdict.words), model);
        }
        FeedbackRequest request = new FeedbackRequest(form.getReason(), form.getComment(), form.getPassage(),
                form.getEmail(), form.getWebsite());
        try {
            FeedbackIntake.Receipt receipt = feedback.submit(slug, request, http.getRemoteAddr());
            return "redirect:" + UriComponentsBuilder.fromPath("/public/articles/{slug}").queryParam("sent", forms.receipt(receipt.reportId()))
                    .fragment("feedback").buildAndExpand(slug).encode().toUriString();
        } catch (Problem problem) {
            if (problem.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw problem;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return render(slug, form, errors(problem), model);
        }
    }

    @PostMapping("/public/articles/{slug}/helpful")
    String vote(@PathVariable String slug, @RequestParam(required = false) Boolean helpful,
            @RequestParam(required = false) String formToken, Model model, HttpServletRequest http, HttpServletResponse response) {
        ReaderForms.Verdict verdict = forms.check(slug, formToken, http);
        if (verdict != ReaderForms.Verdict.ACCEPTED) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return render(slug, new ReportForm(), Map.of("vote", verdict.words), model);
        }
        if (helpful == null) {
            throw new Problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", "Choose Yes or No.");
        }
        feedback.vote(slug, helpful);
        return "redirect:" + UriComponentsBuilder.fromPath("/public/articles/{slug}").queryParam("voted", "1")
                .fragment("helpful").buildAndExpand(slug).encode().toUriString();
    }

    private String render(String slug, ReportForm form, Map<String, String> errors, Model model) {
        PublicArticles.PublicArticle article = articles.article(slug);
        model.addAttribute("article", article);
        model.addAttribute("bodyHtml", markdown.html(article.body()));
        model.addAttribute("jsonLd", jsonLd(article.jsonLd()));
        model.addAttribute("form", form);
        model.addAttribute("formToken", forms.token(article.slug()));
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", List.of("INACCURATE", "OUTDATED", "QUESTIONABLE", "OTHER"));
        return "public-article";
    }

    /** A withdrawn article, whether read, reported or voted on: 410 with a short notice, no form. */
    @ExceptionHandler(ArticleGone.class)
    ModelAndView withdrawn(ArticleGone gone) {
        ModelAndView page = new ModelAndView("public-withdrawn", HttpStatus.GONE);
        page.addObject("notice", gone.getMessage());
        page.addObject("withdrawnAt", gone.withdrawnAt());
        return page;
    }

    /** JSON for a {@code <script type="application/ld+json">} block: no {@code <} can close the element. */
    private String jsonLd(Map<String, Object> ld) {
        try {
            return json.writeValueAsString(ld).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(Problem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object list = problem.properties().get("errors");
        if (list instanceof List<?> items) {
            for (Object item : items) {
                Map<String, String> e = (Map<String, String>) item;
                errors.putIfAbsent(e.get("field"), e.get("message"));
            }
        }
        if (errors.isEmpty()) {
            errors.put("form", problem.getMessage());
        }
        return errors;
    }
}
