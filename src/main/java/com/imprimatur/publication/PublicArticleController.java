package com.imprimatur.publication;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PublicArticleController {

    private final PublicArticles articles;

    PublicArticleController(PublicArticles articles) {
        this.articles = articles;
    }

    @GetMapping("/api/public/articles/{slug}")
    PublicArticles.PublicArticle article(@PathVariable String slug) {
        return articles.article(slug);
    }
}
