package com.imprimatur.web;

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
}
