package com.imprimatur.plagiarism.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generator's own words: health topics, slot fillers and sentence templates (text files beside
 * this class), and how a template is filled.
 */
final class Lexicon {

    private static final Pattern CHOICE = Pattern.compile("\\(([^()]*\\|[^()]*)\\)");
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z0-9]+)}");
    private static final Lexicon INSTANCE = new Lexicon();

    record Section(String name, List<String> headings, List<String> sentences, List<String> leads, List<String> items) {
    }

    final List<Map<String, List<String>>> topics = new ArrayList<>();
    final Map<String, List<String>> words = new HashMap<>();
    final Map<String, Section> sections = new LinkedHashMap<>();

    static Lexicon get() {
        return INSTANCE;
    }

    private Lexicon() {
        Map<String, List<String>> topic = null;
        for (String line : lines("topics.txt")) {
            if (line.equals("[topic]")) {
                topic = new HashMap<>();
                topics.add(topic);
            } else {
                putAlternatives(topic, line);
            }
        }
        for (String line : lines("words.txt")) {
            putAlternatives(words, line);
        }
        String name = null;
        Map<String, List<String>> parts = null;
        for (String line : lines("templates.txt")) {
            if (line.startsWith("[section ")) {
                addSection(name, parts);
                name = line.substring(9, line.length() - 1);
                parts = new HashMap<>();
            } else if (line.startsWith("heading = ")) {
                parts.put("heading", split(line.substring(10)));
            } else {
                parts.computeIfAbsent(line.substring(0, 1), k -> new ArrayList<>()).add(line.substring(3));
            }
        }
        addSection(name, parts);
    }

    private void addSection(String name, Map<String, List<String>> parts) {
        if (name != null) {
            sections.put(name, new Section(name, parts.get("heading"), parts.getOrDefault("s", List.of()),
                    parts.getOrDefault("l", List.of()), parts.getOrDefault("i", List.of())));
        }
    }

    private static void putAlternatives(Map<String, List<String>> into, String line) {
        int eq = line.indexOf(" = ");
        into.put(line.substring(0, eq).trim(), split(line.substring(eq + 3)));
    }

    private static List<String> split(String alternatives) {
        List<String> list = new ArrayList<>();
        for (String a : alternatives.split("\\|")) {
            list.add(a.trim());
        }
        return List.copyOf(list);
    }

    static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Picks one of each (a|b) group, then fills every {slot} from the topic, the general words or a number; {Slot} capitalises. */
    String fill(String template, Map<String, List<String>> topic, Random rnd) {
        return fill(template, topic, rnd, 0);
    }

    private String fill(String template, Map<String, List<String>> topic, Random rnd, int depth) {
        Matcher choice = CHOICE.matcher(template);
        StringBuilder chosen = new StringBuilder();
        while (choice.find()) {
            String[] options = choice.group(1).split("\\|", -1);
            choice.appendReplacement(chosen, Matcher.quoteReplacement(options[rnd.nextInt(options.length)]));
        }
        choice.appendTail(chosen);
        Matcher m = SLOT.matcher(chosen);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            boolean capital = Character.isUpperCase(key.charAt(0));
            String lower = Character.toLowerCase(key.charAt(0)) + key.substring(1);
            String filler = filler(lower, topic, rnd);
            if (depth < 3 && filler.indexOf('{') >= 0) {
                filler = fill(filler, topic, rnd, depth + 1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(capital ? capitalise(filler) : filler));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String filler(String key, Map<String, List<String>> topic, Random rnd) {
        switch (key) {
            case "n":
                return Integer.toString(2 + rnd.nextInt(11));
            case "num":
                return Integer.toString(40 + rnd.nextInt(4000));
            case "pct":
                return (3 + rnd.nextInt(88)) + " percent";
            case "year":
                return Integer.toString(1990 + rnd.nextInt(26));
            case "year2":
                return Integer.toString(2016 + rnd.nextInt(9));
            default:
                List<String> choices = topic.containsKey(key) ? topic.get(key) : words.get(key);
                if (choices == null) {
                    throw new IllegalStateException("no filler for {" + key + "}");
                }
                return choices.get(rnd.nextInt(choices.size()));
        }
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    String pick(String key, Random rnd) {
        List<String> choices = words.get(key);
        return choices.get(rnd.nextInt(choices.size()));
    }
}
