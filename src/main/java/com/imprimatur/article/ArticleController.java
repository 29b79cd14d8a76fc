package com.imprimatur.article;

import com.imprimatur.staff.Staff;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/articles")
class ArticleController {

    private final ArticleService articles;
    private final Staff staff;
    private final RevisionDiffs diffs;

    ArticleController(ArticleService articles, Staff staff, RevisionDiffs diffs) {
        this.articles = articles;
        this.staff = staff;
        this.diffs = diffs;
    }

    record Submitted(long id, String slug, int revision, ArticleStatus status) {
    }

    @PostMapping
    ResponseEntity<Submitted> create(@Valid @RequestBody RevisionContent content) {
        ArticleView created = articles.create(staff.current(), content);
        return ResponseEntity.created(URI.create("/api/articles/" + created.id())).body(submitted(created));
    }

    @PostMapping("/{id}/revisions")
    ResponseEntity<Submitted> submit(@PathVariable long id, @Valid @RequestBody RevisionContent content) {
        ArticleView updated = articles.submit(staff.current(), id, content);
        return ResponseEntity.created(URI.create("/api/articles/" + id + "/revisions/" + updated.currentRevision()))
                .body(submitted(updated));
    }

    @GetMapping
    List<ArticleView> list(@RequestParam(required = false) ArticleStatus status,
            @RequestParam(defaultValue = "false") boolean mine) {
        return articles.list(staff.current(), mine, status);
    }

    @GetMapping("/{id}")
    ArticleView get(@PathVariable long id) {
        return articles.get(staff.current(), id);
    }

    @GetMapping("/{id}/revisions")
    List<RevisionView> revisions(@PathVariable long id) {
        return articles.history(staff.current(), id);
    }

    @GetMapping("/{id}/revisions/{n}")
    RevisionView revision(@PathVariable long id, @PathVariable int n) {
        return articles.revision(staff.current(), id, n);
    }

    @GetMapping("/{id}/revisions/{n}/diff")
    WordDiff.Result diff(@PathVariable long id, @PathVariable int n, @RequestParam int against) {
        return diffs.compare(staff.current(), id, against, n);
    }

    record Withdrawal(String reason) {
    }

    /** EDITOR: the article goes offline, its open cycles end (checked in the service: 403, 422, 404, 409). */
    @PostMapping("/{id}/withdraw")
    ArticleView withdraw(@PathVariable long id, @RequestBody Withdrawal request) {
        return articles.withdraw(staff.current(), id, request.reason());
    }

    private static Submitted submitted(ArticleView view) {
        return new Submitted(view.id(), view.slug(), view.currentRevision(), view.status());
    }
}
