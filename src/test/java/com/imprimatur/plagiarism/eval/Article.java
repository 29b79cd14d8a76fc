package com.imprimatur.plagiarism.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated Markdown article as blocks of parts (a heading's text, a paragraph's sentences, a
 * list's items, a block quote's paragraphs, the references), and its rendering with the character
 * span of every part.
 */
final class Article {

    enum Kind {
        /** "# text" */
        TITLE,
        /** "## text" */
        HEADING,
        /** sentences joined by spaces */
        PARA,
        /** "- item" lines */
        LIST,
        /** "> paragraph" lines, paragraphs separated by a lone ">" line */
        QUOTE,
        /** text copied as it is, possibly several Markdown blocks */
        RAW,
        /** "## References", then "1. entry" lines */
        REFS
    }

    /** A block; {@code section} names the template section its parts came from ("" when none). */
    record Block(Kind kind, List<String> parts, String section) {
        Block {
            parts = new ArrayList<>(parts);
        }
    }

    /** Where part {@code part} of block {@code block} stands in the rendered text: [from, to). */
    record Span(int block, int part, int from, int to) {
    }

    record Rendered(String text, List<Span> spans) {

        Span span(int block, int part) {
            for (Span s : spans) {
                if (s.block() == block && s.part() == part) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no part " + block + "/" + part);
        }
    }

    final List<Block> blocks = new ArrayList<>();

    Article add(Kind kind, List<String> parts, String section) {
        blocks.add(new Block(kind, parts, section));
        return this;
    }

    Rendered render() {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            if (b > 0) {
                text.append("\n\n");
            }
            String prefix = "";
            String separator = "";
            switch (block.kind()) {
                case TITLE -> prefix = "# ";
                case HEADING -> prefix = "## ";
                case PARA -> separator = " ";
                case LIST -> {
                    prefix = "- ";
                    separator = "\n- ";
                }
                case QUOTE -> {
                    prefix = "> ";
                    separator = "\n>\n> ";
                }
                case RAW -> separator = "\n\n";
                case REFS -> text.append("## References\n\n");
            }
            text.append(prefix);
            for (int p = 0; p < block.parts().size(); p++) {
                if (block.kind() == Kind.REFS) {
                    text.append(p == 0 ? "" : "\n").append(p + 1).append(". ");
                } else if (p > 0) {
                    text.append(separator);
                }
                int from = text.length();
                text.append(block.parts().get(p));
                spans.add(new Span(b, p, from, text.length()));
            }
        }
        text.append('\n');
        return new Rendered(text.toString(), spans);
    }

    /** The rendered text up to its references: what a detector should compare. */
    static int bodyEnd(String text) {
        int refs = text.indexOf("\n## References\n");
        return refs < 0 ? text.length() : refs;
    }
}
