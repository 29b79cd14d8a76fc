package com.imprimatur.factcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-text citations — (1), (1,3), (2-4), (2–4), [1], [1, 3-5] — and how they line up with the
 * reference list: citations of references that do not exist, references never cited, and
 * references first cited before a lower-numbered one.
 */
final class Citations {

    /** One citation in the body: where it stands and the reference numbers it names, ranges expanded. */
    record Citation(int start, int end, String text, List<Integer> numbers) {
    }

    // Possessive throughout: nothing a run takes could be given back to any use, and a possessive
    // group repeats in a loop, where a greedy one recurses once per repetition (a "(1,1,1,…" of a
    // thousand items overflowed the stack). A match starts only at '(' or '[' and reads no further
    // than the next one, so the body is read in linear time.
    private static final String ITEM = "\\d{1,3}+(?:\\s*+[-–]\\s*+\\d{1,3}+)?+";
    private static final String LIST = ITEM + "(?:\\s*+,\\s*+" + ITEM + ")*+";
    private static final Pattern CITATION = Pattern.compile("\\(\\s*+(" + LIST + ")\\s*+\\)|\\[\\s*+(" + LIST + ")\\s*+]");
    private static final Pattern RANGE = Pattern.compile("(\\d++)\\s*+[-–]\\s*+(\\d++)");
    /** A range wider than this is a typo, not a citation of hundreds of sources; its ends alone are taken. */
    private static final int WIDEST_RANGE = 100;

    private Citations() {
    }

    static List<Citation> in(CharSequence body) {
        List<Citation> found = new ArrayList<>();
        Matcher m = CITATION.matcher(body);
        while (m.find()) {
            String list = m.group(1) != null ? m.group(1) : m.group(2);
            found.add(new Citation(m.start(), m.end(), m.group(), numbers(list)));
        }
        return found;
    }

    private static List<Integer> numbers(String list) {
        List<Integer> numbers = new ArrayList<>();
        for (String item : list.split(",")) {
            Matcher range = RANGE.matcher(item.strip());
            if (range.matches()) {
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                int low = Math.min(from, to);
                int high = Math.max(from, to);
                if (high - low > WIDEST_RANGE) {
                    numbers.add(low);
                    numbers.add(high);
                } else {
                    for (int n = low; n <= high; n++) {
                        numbers.add(n);
                    }
                }
            } else {
                numbers.add(Integer.parseInt(item.strip()));
            }
        }
        return numbers;
    }

    /** The findings of the citations against a list of {@code references} references. */
    static List<Finding> check(List<Citation> citations, int references) {
        List<Finding> findings = new ArrayList<>();
        Citation[] first = new Citation[references + 1];
        for (Citation c : citations) {
            List<Integer> missing = new ArrayList<>();
            for (int n : c.numbers()) {
                if (n < 1 || n > references) {
                    missing.add(n);
                } else if (first[n] == null) {
                    first[n] = c;
                }
            }
            if (!missing.isEmpty()) {
                findings.add(new Finding("citation-without-reference", Finding.Severity.BLOCKING,
                        "Citation " + c.text() + " names " + (missing.size() == 1 ? "reference " : "references ")
                                + join(missing) + ", but the revision lists " + references
                                + (references == 1 ? " reference." : " references."),
                        null, c.start(), c.end(), c.text()));
            }
        }
        for (int n = 1; n <= references; n++) {
            if (first[n] == null) {
                findings.add(Finding.onReference("reference-not-cited", Finding.Severity.WARNING, n,
                        "Reference " + n + " is never cited in the body."));
            }
        }
        // n is out of order when a lower-numbered reference is first cited after n is
        Citation latest = null;
        int latestNumber = 0;
        for (int n = 1; n <= references; n++) {
            Citation c = first[n];
            if (c == null) {
                continue;
            }
            if (latest != null && c.start() < latest.start()) {
                findings.add(new Finding("reference-cited-out-of-order", Finding.Severity.WARNING,
                        "Reference " + n + " is first cited before reference " + latestNumber
                                + "; number references in the order they are first cited.",
                        n, c.start(), c.end(), c.text()));
            } else if (latest == null || c.start() > latest.start()) {
                latest = c;
                latestNumber = n;
            }
        }
        return findings;
    }

    private static String join(List<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }
}
