package com.imprimatur.plagiarism.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Writes a health article in Markdown from the {@link Lexicon}: title, intro, sections, lists, references. */
final class ArticleWriter {

    private static final List<String> ORDER = List.of(
            "symptoms", "causes", "diagnosis", "treatment", "selfcare", "prevention", "seeing", "outlook");
    private static final List<String> TITLES = List.of(
            "{Name}: {titletail}", "{Name} in {people}: {titletail}", "Living with {name}: {titletail}",
            "{Name} and {risk}: {titletail}", "What {people} should know about {name}");
    private static final List<String> REFERENCE = List.of(
            "{Surname} {initial}, {Surname} {initial}. {reftitle}. {journal}.",
            "{Surname} {initial}{initial}, {Surname} {initial}, {Surname} {initial}. {reftitle}. {journal}.",
            "{Surname} {initial}. {reftitle}. {journal}.");

    /** Marks a paragraph that is a list's lead-in, before the section's name. */
    static final String LEAD = "lead:";

    private final Lexicon lexicon = Lexicon.get();
    private final Map<String, List<String>> topic;
    private final Random rnd;

    ArticleWriter(Map<String, List<String>> topic, Random rnd) {
        this.topic = topic;
        this.rnd = rnd;
    }

    String title() {
        return fill(TITLES.get(rnd.nextInt(TITLES.size())));
    }

    /** A reference-list entry for a made-up paper, or for the given title. */
    String reference(String title) {
        String entry = fill(REFERENCE.get(rnd.nextInt(REFERENCE.size())));
        if (title != null) {
            entry = entry.replaceFirst("\\. [^.]*\\. ([^.]*\\.)$", ". " + java.util.regex.Matcher.quoteReplacement(title) + ". $1");
        }
        int year = 1995 + rnd.nextInt(30);
        return entry + " " + year + ";" + (1 + rnd.nextInt(60)) + "(" + (1 + rnd.nextInt(12)) + "):"
                + (1 + rnd.nextInt(900)) + "-" + (1000 + rnd.nextInt(900)) + ".";
    }

    List<String> references(int count) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            refs.add(reference(null));
        }
        return refs;
    }

    /** An article of at least {@code targetWords} words of body, citing the given references. */
    Article write(String title, int targetWords, List<String> references) {
        Article article = new Article().add(Article.Kind.TITLE, List.of(title), "");
        int words = LengthBand.words(title);
        Lexicon.Section intro = lexicon.sections.get("intro");
        for (int i = 0, n = 1 + rnd.nextInt(2); i < n; i++) {
            words += paragraph(article, intro, references.size());
        }
        int next = rnd.nextInt(3);
        while (words < targetWords) {
            Lexicon.Section section = lexicon.sections.get(ORDER.get(next % ORDER.size()));
            next += 1 + (rnd.nextInt(4) == 0 ? 1 : 0);
            String heading = fill(section.headings().get(rnd.nextInt(section.headings().size())));
            article.add(Article.Kind.HEADING, List.of(heading), section.name());
            words += LengthBand.words(heading);
            for (int i = 0, n = 1 + rnd.nextInt(3); i < n && words < targetWords + 40; i++) {
                words += paragraph(article, section, references.size());
                if (!section.items().isEmpty() && rnd.nextInt(4) == 0) {
                    words += list(article, section);
                }
            }
        }
        if (!references.isEmpty()) {
            article.add(Article.Kind.REFS, references, "");
        }
        return article;
    }

    private int paragraph(Article article, Lexicon.Section section, int refs) {
        List<String> sentences = new ArrayList<>();
        int words = 0;
        for (int i = 0, n = 3 + rnd.nextInt(4); i < n; i++) {
            String s = sentence(section, refs);
            sentences.add(s);
            words += LengthBand.words(s);
        }
        article.add(Article.Kind.PARA, sentences, section.name());
        return words;
    }

    private int list(Article article, Lexicon.Section section) {
        String lead = fill(section.leads().get(rnd.nextInt(section.leads().size())));
        article.add(Article.Kind.PARA, List.of(lead), LEAD + section.name());
        List<String> items = new ArrayList<>();
        int words = LengthBand.words(lead);
        for (int i = 0, n = 3 + rnd.nextInt(4); i < n; i++) {
            String item = fill(section.items().get(rnd.nextInt(section.items().size())));
            items.add(item);
            words += LengthBand.words(item);
        }
        article.add(Article.Kind.LIST, items, section.name());
        return words;
    }

    /** One sentence of a section: a template, perhaps with an opener, a trailing clause and a citation. */
    String sentence(Lexicon.Section section, int refs) {
        String s = fill(section.sentences().get(rnd.nextInt(section.sentences().size())));
        char end = s.charAt(s.length() - 1);
        if (end == '.' && rnd.nextInt(10) < 3) {
            s = s.substring(0, s.length() - 1) + fill(lexicon.pick("tail", rnd)) + ".";
        }
        if (rnd.nextInt(10) < 3 && s.length() > 1 && Character.isLowerCase(s.charAt(1))) {
            s = fill(lexicon.pick("opener", rnd)) + " " + Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        if (refs > 0 && rnd.nextInt(9) == 0) {
            s = s.substring(0, s.length() - 1) + " [" + (1 + rnd.nextInt(refs)) + "]" + s.charAt(s.length() - 1);
        }
        return s;
    }

    /** A new text for one generated part of a block, of the same kind and section. */
    String another(Article.Block block, int refs) {
        if (block.kind() == Article.Kind.TITLE) {
            return title();
        }
        boolean lead = block.section().startsWith(LEAD);
        Lexicon.Section section = lexicon.sections.get(lead ? block.section().substring(LEAD.length()) : block.section());
        return switch (block.kind()) {
            case HEADING -> fill(section.headings().get(rnd.nextInt(section.headings().size())));
            case LIST -> fill(section.items().get(rnd.nextInt(section.items().size())));
            case PARA -> lead ? fill(section.leads().get(rnd.nextInt(section.leads().size()))) : sentence(section, refs);
            default -> throw new IllegalArgumentException("not a generated block: " + block.kind());
        };
    }

    String fill(String template) {
        return Lexicon.capitalise(lexicon.fill(template, topic, rnd));
    }
}
