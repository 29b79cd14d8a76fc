package com.imprimatur.plagiarism.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates labelled evaluation cases, deterministically for a seed, in the spirit of the PAN
 * plagiarism-detection corpora.
 *
 * <p>Every even-numbered case has no reuse at all (empty truth). Of the others, every fifth holds only
 * quoted-and-cited passages (no reuse either, must not flag); the rest reuse 1–3 source passages of
 * one length band under one obfuscation, cycling through the 4 obfuscations × 3 bands, and every
 * third of them also quotes and cites a passage. The suspicious text and its 1–4 sources are health
 * articles on one topic. Outside its truth passages a suspicious text shares no run of 8 words with
 * its sources (the generator rewrites sentences until it does not), but common phrases of 5–7 words
 * recur everywhere.
 */
public final class CaseGenerator {

    /** Runs of this many words outside the truth are removed from the suspicious text. */
    static final int CLEAN_RUN = 8;

    private CaseGenerator() {
    }

    public static List<EvalCase> generate(long seed, int cases) {
        List<EvalCase> out = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            out.add(new Builder(seed, i).build());
        }
        return out;
    }

    /** What kind of case number {@code i} is. */
    record Plan(boolean reuse, int quoted, Obfuscation obfuscation, LengthBand band) {

        static Plan of(int i) {
            if (i % 2 == 0) {
                return new Plan(false, 0, null, null);
            }
            int j = i / 2;
            if (j % 5 == 4) {
                return new Plan(false, 1 + j / 5 % 2, null, null);
            }
            int r = j - j / 5;
            return new Plan(true, r % 3 == 1 ? 1 : 0, Obfuscation.values()[r % 4], LengthBand.values()[r / 4 % 3]);
        }
    }

    /**
     * A passage put into the host: the parts {@code first} to {@code last} of {@code block}; the
     * passage runs from {@code prefix} characters into the first part to {@code suffix} characters
     * before the end of the last.
     */
    private record Inserted(Article.Block block, String first, String last, int prefix, int suffix,
            String sourceId, int srcFrom, int srcTo, Obfuscation obfuscation, boolean quoted) {

        Inserted in(Article.Block where) {
            return new Inserted(where, first, last, prefix, suffix, sourceId, srcFrom, srcTo, obfuscation, quoted);
        }
    }

    /** A unit of a source: a sentence, list item or heading, at [from, to) of the source text. */
    private record Unit(int from, int to, Article.Kind kind, boolean lead, int block) {
    }

    private record Source(String id, String title, String text, List<Unit> units) {
    }

    private static final class Builder {

        private final String id;
        private final Random rnd;
        private final Plan plan;
        private final Map<String, List<String>> topic;
        private final ArticleWriter writer;

        Builder(long seed, int index) {
            this.id = String.format("case-%04d", index);
            this.rnd = new Random(seed * 0x9E3779B97F4A7C15L + index * 1_000_003L + 17);
            this.plan = Plan.of(index);
            List<Map<String, List<String>>> topics = Lexicon.get().topics;
            this.topic = topics.get(rnd.nextInt(topics.size()));
            this.writer = new ArticleWriter(topic, rnd);
        }

        EvalCase build() {
            int reused = plan.reuse() ? (plan.band() == LengthBand.LONG ? 1 + rnd.nextInt(2) : 1 + rnd.nextInt(3)) : 0;
            int needed = Math.max(1, Math.max(reused, plan.quoted()));
            int sourceCount = needed + rnd.nextInt(5 - needed);
            List<Source> sources = new ArrayList<>();
            Set<String> earlier = new HashSet<>();
            for (int k = 0; k < sourceCount; k++) {
                int words = 1000 + rnd.nextInt(2001);
                Source source = source(id + "-src" + (k + 1), words, earlier);
                earlier.addAll(Word.runs(source.text(), CLEAN_RUN));
                sources.add(source);
            }
            List<Inserted> passages = new ArrayList<>();
            int insertedWords = 0;
            for (int k = 0; k < reused; k++) {
                Inserted p = reusedPassage(sources.get(k));
                passages.add(p);
                insertedWords += LengthBand.words(p.first());
            }
            // references: made-up ones, plus an entry for each quoted source and for some reused ones
            List<String> refs = writer.references(3 + rnd.nextInt(6));
            List<Source> quotedSources = new ArrayList<>();
            for (int q = 0; q < plan.quoted(); q++) {
                quotedSources.add(sources.get((reused + q) % sources.size()));
            }
            List<Source> cited = new ArrayList<>(quotedSources);
            for (int k = 0; k < reused; k++) {
                if (rnd.nextInt(4) == 0) {
                    cited.add(sources.get(k));
                }
            }
            for (Source s : cited) {
                if (citationOf(refs, s.title()) == 0) {
                    refs.add(rnd.nextInt(refs.size() + 1), writer.reference(s.title()));
                }
            }
            for (int k = 0; k < reused; k++) {
                int n = citationOf(refs, sources.get(k).title());
                if (n > 0) {
                    // cited but not quoted: still reuse, still to flag
                    Inserted p = passages.get(k);
                    String part = p.first() + " [" + n + "]";
                    passages.set(k, new Inserted(null, part, part, 0, part.length() - p.first().length(),
                            p.sourceId(), p.srcFrom(), p.srcTo(), p.obfuscation(), false));
                }
            }
            int total = 500 + rnd.nextInt(2001);
            Article host = writer.write(writer.title(), Math.max(300, total - insertedWords), refs);
            List<Inserted> placed = new ArrayList<>();
            Set<Article.Block> used = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Inserted p : passages) {
                placed.add(place(host, p, used));
            }
            for (Source s : quotedSources) {
                placed.add(quote(host, s, citationOf(refs, s.title()), used));
            }
            return finish(host, placed, sources, refs.size());
        }

        /** A source text that shares no chance run of {@link #CLEAN_RUN} words with the earlier sources. */
        private Source source(String sourceId, int words, Set<String> earlier) {
            List<String> refs = writer.references(3 + rnd.nextInt(6));
            Article article = writer.write(writer.title(), words, refs);
            Article.Rendered r = clean(article, List.of(), earlier, refs.size());
            String title = article.blocks.get(0).parts().get(0);
            List<Unit> units = new ArrayList<>();
            for (Article.Span span : r.spans()) {
                Article.Block block = article.blocks.get(span.block());
                if (block.kind() == Article.Kind.HEADING || block.kind() == Article.Kind.PARA
                        || block.kind() == Article.Kind.LIST) {
                    units.add(new Unit(span.from(), span.to(), block.kind(),
                            block.section().startsWith(ArticleWriter.LEAD), span.block()));
                }
            }
            return new Source(sourceId, title, r.text(), units);
        }

        /** Consecutive units of the source whose words fall in the plan's band, disguised by the plan's obfuscation. */
        private Inserted reusedPassage(Source s) {
            LengthBand band = plan.band();
            int ceiling = band == LengthBand.LONG ? 900 : band.max - 20;
            for (int attempt = 0; attempt < 500; attempt++) {
                int target = band.min + rnd.nextInt(ceiling - band.min);
                int start = rnd.nextInt(s.units().size());
                Unit first = s.units().get(start);
                if (first.kind() != Article.Kind.PARA || first.lead()) {
                    continue;
                }
                int end = start;
                while (end + 1 < s.units().size()
                        && LengthBand.words(s.text().substring(first.from(), s.units().get(end).to())) < target) {
                    end++;
                }
                while (end + 1 < s.units().size() && s.units().get(end).kind() == Article.Kind.HEADING) {
                    end++;
                }
                int from = first.from();
                int to = s.units().get(end).to();
                int words = LengthBand.words(s.text().substring(from, to));
                if (words < band.min || words >= band.max) {
                    continue;
                }
                List<String> glue = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                List<Boolean> sentence = new ArrayList<>();
                for (int u = start; u <= end; u++) {
                    Unit unit = s.units().get(u);
                    glue.add(u == start ? "" : s.text().substring(s.units().get(u - 1).to(), unit.from()));
                    texts.add(s.text().substring(unit.from(), unit.to()));
                    sentence.add(unit.kind() == Article.Kind.PARA);
                }
                Obfuscator.Passage passage = new Obfuscator.Passage(glue, texts, sentence);
                String text = Obfuscator.apply(plan.obfuscation(), passage, rnd).text();
                return new Inserted(null, text, text, 0, 0, s.id(), from, to, plan.obfuscation(), false);
            }
            throw new IllegalStateException(id + ": no passage of " + band.label + " words in " + s.id());
        }

        /** Puts a reused passage into the host: as a sentence of a paragraph, or as paragraphs of its own. */
        private Inserted place(Article host, Inserted p, Set<Article.Block> used) {
            if (p.first().indexOf('\n') < 0 && rnd.nextBoolean()) {
                List<Article.Block> paragraphs = new ArrayList<>();
                for (Article.Block b : host.blocks) {
                    if (b.kind() == Article.Kind.PARA && !b.section().startsWith(ArticleWriter.LEAD) && !used.contains(b)) {
                        paragraphs.add(b);
                    }
                }
                if (!paragraphs.isEmpty()) {
                    Article.Block b = paragraphs.get(rnd.nextInt(paragraphs.size()));
                    b.parts().add(rnd.nextInt(b.parts().size() + 1), p.first());
                    used.add(b);
                    return p.in(b);
                }
            }
            Article.Block raw = new Article.Block(Article.Kind.RAW, List.of(p.first()), "");
            host.blocks.add(blockPosition(host), raw);
            used.add(raw);
            return p.in(raw);
        }

        /** Quotes 1–4 sentences of one source paragraph, in quotation marks or a block quote, and cites it. */
        private Inserted quote(Article host, Source s, int citation, Set<Article.Block> used) {
            List<Unit> sentences = s.units().stream()
                    .filter(u -> u.kind() == Article.Kind.PARA && !u.lead()).toList();
            for (int attempt = 0; ; attempt++) {
                int start = rnd.nextInt(sentences.size());
                int count = 1 + rnd.nextInt(4);
                int end = start;
                while (end + 1 < sentences.size() && end - start + 1 < count
                        && sentences.get(end + 1).block() == sentences.get(start).block()) {
                    end++;
                }
                int from = sentences.get(start).from();
                int to = sentences.get(end).to();
                int words = LengthBand.words(s.text().substring(from, to));
                if ((words < 15 || words > 150) && attempt < 200) {
                    continue;
                }
                String marker = "[" + citation + "]";
                String lead = writer.fill(Lexicon.get().pick("lead", rnd));
                if (rnd.nextBoolean()) {
                    boolean curly = rnd.nextBoolean();
                    String open = curly ? "\u201c" : "\"";
                    String close = curly ? "\u201d" : "\"";
                    String space = rnd.nextInt(4) == 0 ? "" : " ";
                    String part = lead + " " + open + s.text().substring(from, to) + close + space + marker;
                    Inserted q = new Inserted(null, part, part, lead.length() + 1 + open.length(),
                            close.length() + space.length() + marker.length(), s.id(), from, to, Obfuscation.NONE, true);
                    return place(host, q, used);
                }
                List<String> parts = new ArrayList<>();
                int split = end > start && rnd.nextBoolean() ? start + 1 + rnd.nextInt(end - start) : end + 1;
                parts.add(s.text().substring(from, split <= end ? sentences.get(split - 1).to() : to));
                if (split <= end) {
                    parts.add(s.text().substring(sentences.get(split).from(), to));
                }
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + marker);
                String leadIn = lead.endsWith(",") ? lead.substring(0, lead.length() - 1) + ":" : lead;
                Article.Block leadBlock = new Article.Block(Article.Kind.PARA, List.of(leadIn), ArticleWriter.LEAD + "quote");
                Article.Block quoteBlock = new Article.Block(Article.Kind.QUOTE, parts, "");
                int at = blockPosition(host);
                host.blocks.add(at, quoteBlock);
                host.blocks.add(at, leadBlock);
                used.add(leadBlock);
                used.add(quoteBlock);
                return new Inserted(quoteBlock, parts.get(0), parts.get(parts.size() - 1), 0, marker.length() + 1,
                        s.id(), from, to, Obfuscation.NONE, true);
            }
        }

        /** Where a new block may go: after the first paragraph, before the references, never after a list's lead-in. */
        private int blockPosition(Article host) {
            int refs = host.blocks.size();
            if (host.blocks.get(refs - 1).kind() == Article.Kind.REFS) {
                refs--;
            }
            while (true) {
                int at = 2 + rnd.nextInt(Math.max(1, refs - 1));
                Article.Block before = host.blocks.get(at - 1);
                if (at <= refs && !before.section().startsWith(ArticleWriter.LEAD)) {
                    return at;
                }
            }
        }

        /** Builds the case once the host shares no chance run with a source. */
        private EvalCase finish(Article host, List<Inserted> placed, List<Source> sources, int refs) {
            Set<String> sourceRuns = new HashSet<>();
            sources.forEach(s -> sourceRuns.addAll(Word.runs(s.text(), CLEAN_RUN)));
            Article.Rendered r = clean(host, placed, sourceRuns, refs);
            List<TruthPassage> truth = new ArrayList<>();
            for (TruthPassage t : truth(host, r, placed)) {
                String src = sources.stream().filter(s -> s.id().equals(t.sourceId())).findFirst().orElseThrow().text();
                int[] susp = trim(r.text(), t.suspFrom(), t.suspTo());
                int[] orig = trim(src, t.srcFrom(), t.srcTo());
                truth.add(new TruthPassage(t.sourceId(), susp[0], susp[1], orig[0], orig[1], t.obfuscation(), t.quotedAndCited()));
            }
            List<EvalSource> evalSources = sources.stream().map(s -> new EvalSource(s.id(), s.text())).toList();
            return new EvalCase(id, r.text(), evalSources, truth);
        }

        /**
         * Rewrites generated parts of the article (never inserted passages or quotations) until no run of
         * {@link #CLEAN_RUN} words outside the inserted passages is among {@code foreignRuns}.
         */
        private Article.Rendered clean(Article article, List<Inserted> placed, Set<String> foreignRuns, int refs) {
            for (int round = 0; ; round++) {
                Article.Rendered r = article.render();
                List<TruthPassage> truth = truth(article, r, placed);
                Set<String> insertedParts = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Inserted p : placed) {
                    int first = indexOf(p.block().parts(), p.first());
                    int last = indexOf(p.block().parts(), p.last());
                    for (int k = first; k <= last; k++) {
                        insertedParts.add(p.block().parts().get(k));
                    }
                }
                List<Article.Span> dirty = dirtySpans(r, truth, foreignRuns);
                dirty.removeIf(span -> insertedParts.contains(article.blocks.get(span.block()).parts().get(span.part()))
                        || article.blocks.get(span.block()).kind() == Article.Kind.REFS
                        || article.blocks.get(span.block()).kind() == Article.Kind.QUOTE
                        || article.blocks.get(span.block()).section().equals(ArticleWriter.LEAD + "quote"));
                if (dirty.isEmpty()) {
                    return r;
                }
                if (round == 200) {
                    throw new IllegalStateException(id + ": cannot clear chance runs of " + CLEAN_RUN + " words");
                }
                for (Article.Span span : dirty) {
                    Article.Block block = article.blocks.get(span.block());
                    block.parts().set(span.part(), writer.another(block, refs));
                }
            }
        }

        /** The truth as placed, sorted by position in the suspicious text (before trimming). */
        private static List<TruthPassage> truth(Article host, Article.Rendered r, List<Inserted> placed) {
            List<TruthPassage> truth = new ArrayList<>();
            for (Inserted p : placed) {
                int b = indexOf(host.blocks, p.block());
                int first = indexOf(p.block().parts(), p.first());
                int last = indexOf(p.block().parts(), p.last());
                truth.add(new TruthPassage(p.sourceId(), r.span(b, first).from() + p.prefix(),
                        r.span(b, last).to() - p.suffix(), p.srcFrom(), p.srcTo(), p.obfuscation(), p.quoted()));
            }
            truth.sort(Comparator.comparingInt(TruthPassage::suspFrom));
            return truth;
        }

        /** Parts of the host that hold a run of words, outside the truth, found in a source. */
        private static List<Article.Span> dirtySpans(Article.Rendered r, List<TruthPassage> truth, Set<String> sourceRuns) {
            String text = r.text();
            List<Word> words = Word.withoutMarkers(text, Article.bodyEnd(text));
            List<Article.Span> dirty = new ArrayList<>();
            int clean = 0; // consecutive words outside the truth, ending at i
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                boolean inTruth = truth.stream().anyMatch(t -> w.start() < t.suspTo() && t.suspFrom() < w.end());
                clean = inTruth ? 0 : clean + 1;
                if (clean >= CLEAN_RUN && sourceRuns.contains(Word.run(words, i - CLEAN_RUN + 1, CLEAN_RUN))) {
                    int from = words.get(i - CLEAN_RUN + 1).start();
                    for (Article.Span span : r.spans()) {
                        if (span.from() < w.end() && from < span.to() && !dirty.contains(span)) {
                            dirty.add(span);
                        }
                    }
                }
            }
            return dirty;
        }

        private static <T> int indexOf(List<T> list, T item) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == item) {
                    return i;
                }
            }
            throw new IllegalStateException("lost an inserted part");
        }
    }

    /** [from, to) narrowed to start at a letter or digit and end after one. */
    static int[] trim(String text, int from, int to) {
        while (from < to && !Character.isLetterOrDigit(text.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(text.charAt(to - 1))) {
            to--;
        }
        return new int[] {from, to};
    }

    /** The number of the reference entry that carries this title, or 0. */
    static int citationOf(List<String> refs, String title) {
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).contains(title)) {
                return i + 1;
            }
        }
        return 0;
    }
}
