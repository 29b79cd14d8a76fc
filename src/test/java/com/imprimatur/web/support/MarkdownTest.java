package com.imprimatur.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void rendersTheUsualMarkdown() {
        String html = markdown.html("# Heading\n\nSome **bold** and *em* text (1).\n\n- one\n- two\n\n[a source](https://example.org/x)");
        assertThat(html).contains("<h1>Heading</h1>", "<strong>bold</strong>", "<em>em</em>", "<li>one</li>",
                "href=\"https://example.org/x\"");
    }

    @Test
    void scriptsHandlersAndDangerousLinksComeOutInert() {
        String html = markdown.html("<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n"
                + "[click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) <a href=\"javascript:alert(4)\">raw</a>\n\n"
                + "<iframe src=\"https://evil.example\"></iframe><svg onload=alert(5)>");
        assertThat(html).doesNotContain("<script", "<img", "<iframe", "<svg", "onerror=", "onload=", "href=\"javascript", "href=\"data");
        assertThat(html).contains("&lt;script&gt;", "<a href=\"\" rel=\"nofollow\">click</a>");
    }

    @Test
    void nothingIsNothing() {
        assertThat(markdown.html(null)).isEmpty();
    }

    @Test
    void textsBuiltToChokeTheRendererAreShownAsPlainTextInLinearTime() {
        for (int size : new int[] {20_000, 160_000, 1_000_000}) {
            for (String attack : new String[] {"<a".repeat(size / 2), "> ".repeat(size / 2) + "x", "- ".repeat(size / 2) + "x",
                    ("para <b\n").repeat(size / 8)}) {
                String html = markdown.html(attack);
                assertThat(html).startsWith("<p><em>This text is shown without formatting").doesNotContain("<b", "<a<");
            }
        }
        // the budget is one pass: counted reads grow with the text, not faster
        com.imprimatur.support.CountingText small = new com.imprimatur.support.CountingText("<a".repeat(50_000));
        com.imprimatur.support.CountingText large = new com.imprimatur.support.CountingText("<a".repeat(400_000));
        MarkdownBudget.fits(small);
        MarkdownBudget.fits(large);
        assertThat(small.reads()).isLessThanOrEqualTo(3L * small.length());
        assertThat(large.reads()).isLessThanOrEqualTo(3L * large.length());
    }

    @Test
    void ordinaryArticlesStayWithinTheBudget() {
        String article = ("## A heading\n\nA paragraph with a < sign, a <kbd>tag</kbd> and **bold** text (1,2).\n\n"
                + "> a quote\n> > nested once\n\n- a list\n  - nested\n    - twice\n\n").repeat(2_000);
        assertThat(MarkdownBudget.fits(article)).isTrue();
        assertThat(markdown.html(article)).contains("<h2>A heading</h2>").doesNotContain("without formatting");
    }
}
