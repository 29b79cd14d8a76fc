package com.imprimatur.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Browser;
import com.imprimatur.support.BrowserTest;
import com.imprimatur.support.Desk;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 5's loop in a real browser: a reader reports a problem on the public page; an editor
 * reopens review from the tasklist; the physician sees the report in the review and approves a
 * corrected revision; the public page shows the new "Last reviewed" date.
 */
class FeedbackBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aReadersReportReopensReviewAndThePageShowsTheNewReview() {
        Desk desk = new Desk(api());
        Map<String, Object> content = Desk.article("Calcium and bones " + System.nanoTime(), 1);
        JsonNode created = desk.publish("writer", content, 1);
        long id = created.get("id").asLong();
        String slug = created.get("slug").asText();
        String quoted = String.join(" ", Arrays.copyOfRange(content.get("body").toString().split(" "), 1, 7));

        // the reader's page: who wrote and reviewed it, when, the references, the disclaimer, the form
        browser.driver().manage().deleteAllCookies();
        browser.go("/public/articles/" + slug);
        assertThat(browser.find(By.cssSelector("[data-test=written-by]")).getText()).isEqualTo("Maya Thornton");
        assertThat(browser.find(By.cssSelector("[data-test=reviewed-by]")).getText()).contains("Dr. Elena Marsh, M.D., FACP");
        String firstReview = browser.find(By.cssSelector("[data-test=last-reviewed] time")).getAttribute("datetime");
        assertThat(browser.find(By.cssSelector("[data-test=references] a")).getAttribute("href")).startsWith("https://doi.org/");
        assertThat(browser.find(By.cssSelector("[data-test=disclaimer]")).getText()).contains("not medical advice");
        assertThat(browser.find(By.id("website")).isDisplayed()).isFalse();
        browser.screenshot("public-article");

        // the helpful vote is counted for the published revision
        browser.click(By.cssSelector("#helpful button[value=true]"));
        assertThat(browser.await(By.cssSelector("#helpful .notice")).getText()).contains("Thank you");
        assertThat(jdbc.queryForObject("select helpful from helpful_vote where article_id = ? and revision_number = 1",
                Long.class, id)).isEqualTo(1L);

        // a report without a comment is refused next to the field; then it is sent
        browser.click(By.cssSelector("input[name=reason][value=INACCURATE]"));
        browser.click(By.cssSelector("[data-test=feedback-form] button[type=submit]"));
        assertThat(browser.await(By.id("err-comment")).getText()).contains("tell us what is wrong");
        browser.click(By.cssSelector("input[name=reason][value=INACCURATE]"));
        browser.type(By.id("comment"), "The daily amount in this paragraph is for adults only.");
        browser.type(By.id("passage"), quoted);
        browser.click(By.cssSelector("[data-test=feedback-form] button[type=submit]"));
        assertThat(browser.await(By.cssSelector("[data-test=report-thanks]")).getText()).contains("Your report is stored");

        // the editor reopens review from the tasklist, seeing the quoted passage marked in the article
        browser.login("editor");
        String triage = desk.awaitTask("editor", "available", "triageReport", id);
        browser.go("/tasks/" + triage);
        browser.click(By.xpath("//button[text()='Claim this task']"));
        browser.waitUntil(d -> !browser.all(By.cssSelector("[data-test=decision-form] button[type=submit]:enabled")).isEmpty());
        assertThat(browser.find(By.cssSelector("[data-test=quoted-passage] mark")).getText()).isEqualToIgnoringCase(quoted);
        browser.screenshot("task-triage-report");
        browser.click(By.cssSelector("input[name=decision][value=REOPEN_REVIEW]"));
        browser.click(By.cssSelector("[data-test=decision-form] button[type=submit]"));
        assertThat(browser.await(By.cssSelector(".notice")).getText()).contains("REOPEN_REVIEW");

        // the physician sees the report in the review and asks for a correction
        browser.login("reviewer");
        String review = desk.awaitTask("reviewer", "available", "medicalReview", id);
        browser.go("/tasks/" + review);
        browser.click(By.xpath("//button[text()='Claim this task']"));
        browser.waitUntil(d -> !browser.all(By.cssSelector("[data-test=decision-form] button[type=submit]:enabled")).isEmpty());
        assertThat(browser.find(By.cssSelector("[data-test=reader-reports]")).getText())
                .contains("INACCURATE", "The daily amount in this paragraph is for adults only.");
        browser.screenshot("task-review-with-report");
        browser.click(By.cssSelector("input[name=decision][value=REQUEST_CHANGES]"));
        browser.type(By.id("comment"), "Say that the amount is for adults.");
        browser.click(By.cssSelector("[data-test=decision-form] button[type=submit]"));
        assertThat(browser.await(By.cssSelector(".notice")).getText()).contains("REQUEST_CHANGES");

        // the corrected revision is approved and published (over the API: the pages for these steps are tested elsewhere)
        assertThat(api().post("writer", "/api/articles/" + id + "/revisions", Desk.article("Calcium and bones, corrected", 1))
                .status()).isEqualTo(201);
        desk.decide("reviewer2", "medicalReview", id, Desk.approveAll(1));
        desk.decide("editor", "approvePublication", id, Desk.decision("PUBLISH", null));
        desk.awaitStatus(id, "PUBLISHED");

        browser.driver().manage().deleteAllCookies();
        browser.go("/public/articles/" + slug);
        WebElement lastReviewed = browser.find(By.cssSelector("[data-test=last-reviewed] time"));
        assertThat(Instant.parse(lastReviewed.getAttribute("datetime"))).isAfter(Instant.parse(firstReview));
        assertThat(browser.find(By.cssSelector("[data-test=reviewed-by]")).getText()).contains("Dr. Rahul Iyer");
        browser.screenshot("public-article-re-reviewed");
    }

    /** A reader whose browser refuses every cookie votes and reports; the page keeps nothing of theirs. */
    @Test
    void aReaderWhoBlocksCookiesCanVoteAndReport() {
        JsonNode created = new Desk(api()).publish("writer", Desk.article("Iodine and the thyroid " + System.nanoTime(), 1), 1);
        long id = created.get("id").asLong();
        try (Browser reader = Browser.withoutCookies(port)) {
            reader.go("/public/articles/" + created.get("slug").asText());
            // Chromium still says navigator.cookieEnabled, but keeps no cookie
            assertThat(reader.script("document.cookie = 'probe=1'; return document.cookie")).isEqualTo("");

            reader.click(By.cssSelector("#helpful button[value=false]"));
            assertThat(reader.await(By.cssSelector("#helpful .notice")).getText()).contains("Thank you");
            reader.click(By.cssSelector("input[name=reason][value=OUTDATED]"));
            reader.type(By.id("comment"), "The guidance on iodised salt changed this year.");
            reader.click(By.cssSelector("[data-test=feedback-form] button[type=submit]"));
            assertThat(reader.await(By.cssSelector("[data-test=report-thanks]")).getText()).contains("Your report is stored");
            assertThat(reader.driver().manage().getCookies()).isEmpty();

            // what a screen reader needs of the page: a language, one heading 1, a name for every control
            // (the honeypot's label is hidden from assistive technology with the field)
            assertThat(reader.script("return document.documentElement.lang")).isEqualTo("en");
            assertThat(reader.all(By.tagName("h1"))).hasSize(1);
            assertThat(reader.script("return [...document.querySelectorAll('input:not([type=hidden]), textarea, select, button')]"
                    + ".filter(c => !(c.labels && c.labels.length) && !c.textContent.trim() && !c.getAttribute('aria-label'))"
                    + ".map(c => c.outerHTML)")).asList().isEmpty();
        }
        assertThat(jdbc.queryForObject("select not_helpful from helpful_vote where article_id = ? and revision_number = 1",
                Long.class, id)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from feedback_report where article_id = ? and reason = 'OUTDATED'",
                Long.class, id)).isEqualTo(1L);
    }

    @Test
    void anUnpublishedArticleHasNoPublicPage() {
        JsonNode draft = new Desk(api()).create("writer", Desk.article("Draft on zinc " + System.nanoTime(), 1));
        assertThat(api().send(null, java.net.http.HttpRequest.newBuilder(api().uri("/public/articles/" + draft.get("slug").asText())))
                .status()).isEqualTo(404);
    }
}
