package com.imprimatur.web.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * One audit event in words: runs of text, people and articles (each with its link), an optional
 * quotation (a comment, a justification, a reason) and optional items (reference verdicts).
 */
record Sentence(List<Part> parts, String quote, List<String> items) {

    /** {@code kind}: text, person (with the user name as {@code hint}), article (a title), or link. */
    record Part(String kind, String text, String href, String hint) {
    }

    static Builder of() {
        return new Builder();
    }

    /** The sentence as plain text (tests, titles). */
    String text() {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> out.append(p.text()));
        return out.toString();
    }

    static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private String quote;
        private final List<String> items = new ArrayList<>();

        Builder text(String text) {
            parts.add(new Part("text", text, null, null));
            return this;
        }

        Builder person(String name, String username, boolean known) {
            parts.add(new Part("person", name, known ? "/admin/users/" + username : null, name.equals(username) ? null : username));
            return this;
        }

        Builder article(String title, long id) {
            parts.add(new Part("article", title, "/admin/articles/" + id, null));
            return this;
        }

        Builder link(String text, String href) {
            parts.add(new Part("link", text, href, null));
            return this;
        }

        /** Chains a part added through a helper on this same builder. */
        Builder then(Builder same) {
            return this;
        }

        /** A sentence that opens with a link ("revision 2") begins with a capital. */
        Builder capitaliseFirstLink() {
            if (!parts.isEmpty() && parts.get(0).kind().equals("link")) {
                Part p = parts.get(0);
                parts.set(0, new Part(p.kind(), Character.toUpperCase(p.text().charAt(0)) + p.text().substring(1), p.href(), p.hint()));
            }
            return this;
        }

        Builder quote(String quote) {
            this.quote = quote == null || quote.isBlank() ? null : quote;
            return this;
        }

        Builder item(String item) {
            items.add(item);
            return this;
        }

        Sentence build() {
            return new Sentence(List.copyOf(parts), quote, List.copyOf(items));
        }
    }
}
