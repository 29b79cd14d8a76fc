package com.imprimatur.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Slugs: one per article, made from the title, numbered when the title's is taken (the written-out existence query). */
class ArticleSlugHttpTest extends IntegrationTest {

    @Test
    void aTitleTakenAlreadyGetsTheNextNumber() {
        String title = "Slug Test " + UUID.randomUUID().toString().substring(0, 8) + " Über Sleep";
        Api api = api();
        String first = api.post("writer", "/api/articles", Desk.article(title, 1)).json().get("slug").asText();
        String second = api.post("writer", "/api/articles", Desk.article(title, 1)).json().get("slug").asText();
        String third = api.post("writer", "/api/articles", Desk.article(title, 1)).json().get("slug").asText();
        assertThat(first).startsWith("slug-test-").endsWith("-uber-sleep");
        assertThat(second).isEqualTo(first + "-2");
        assertThat(third).isEqualTo(first + "-3");
    }
}
