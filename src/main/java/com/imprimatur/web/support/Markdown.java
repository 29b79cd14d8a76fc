package com.imprimatur.web.support;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Article Markdown as HTML a browser may be given: parsed by commonmark (raw HTML in the Markdown
 * shown as text, unsafe link targets dropped), then cleaned again by the OWASP sanitizer with a
 * short list of formatting, block, table and link elements. No scripts, handlers, styles or images.
 * A text over {@link MarkdownBudget} (built to make the renderer slow or crash) is shown as plain text.
 */
@Component
public class Markdown {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr").toFactory());

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(String markdown) {
        String text = markdown == null ? "" : markdown;
        if (!MarkdownBudget.fits(text)) {
            return plain(text);
        }
        return POLICY.sanitize(renderer.render(parser.parse(text)));
    }

    /** A text the renderer would choke on ({@link MarkdownBudget}): its paragraphs as escaped plain text, with a notice. */
    private static String plain(String text) {
        StringBuilder html = new StringBuilder("<p><em>This text is shown without formatting: its structure is too "
                + "unusual to format safely.</em></p>");
        for (String paragraph : text.split("\n[ \t\r]*+\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(org.springframework.web.util.HtmlUtils.htmlEscape(paragraph.strip())).append("</p>");
            }
        }
        return html.toString();
    }
}
