package com.imprimatur.factcheck;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises and validates the identifiers a reference may carry. Nothing here throws on bad
 * input: an identifier that does not validate comes back with {@code valid == false} and a reason,
 * which the report turns into a finding.
 */
final class Identifiers {

    enum Kind { DOI, PMID, PMCID, ISSN, URL }

    /** One identifier: as given, normalised (null when it does not validate), and why not. */
    record Checked(Kind kind, String given, String normalized, boolean valid, String problem) {

        static Checked ok(Kind kind, String given, String normalized) {
            return new Checked(kind, given, normalized, true, null);
        }

        static Checked bad(Kind kind, String given, String problem) {
            return new Checked(kind, given, null, false, problem);
        }
    }

    /** Crossref's shape: "10.", a registrant code of 4 to 9 digits (sub-codes allowed), "/", a suffix. */
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}+(?:\\.\\d++)*+/\\S++");
    private static final Pattern DOI_PREFIX = Pattern.compile(
            "^(?:doi\\s*[:\\s]\\s*|(?:https?://)?(?:dx\\.|www\\.)?doi\\.org/)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PMID = Pattern.compile("(?:pmid\\s*+:?+\\s*+)?(\\d{1,9})", Pattern.CASE_INSENSITIVE);
    private static final Pattern PMCID = Pattern.compile("(?:pmcid\\s*+:?+\\s*+)?PMC(\\d{1,9})", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISSN = Pattern.compile("(?:issn\\s*+:?+\\s*+)?(\\d{4})[-\\s]?(\\d{3}[\\dX])",
            Pattern.CASE_INSENSITIVE);

    private Identifiers() {
    }

    /** A DOI in lower case (DOIs compare case-insensitively), without "doi:" or a doi.org address. */
    static Checked doi(String given) {
        String value = given.strip();
        Matcher prefix = DOI_PREFIX.matcher(value);
        if (prefix.find()) {
            boolean address = prefix.group().toLowerCase(Locale.ROOT).contains("doi.org");
            value = value.substring(prefix.end()).strip();
            if (address) {
                value = percentDecoded(value);
            }
        }
        value = trimTrailingPunctuation(value).toLowerCase(Locale.ROOT);
        if (DOI.matcher(value).matches()) {
            return Checked.ok(Kind.DOI, given, value);
        }
        return Checked.bad(Kind.DOI, given,
                "not a DOI: expected 10.<registrant of 4 to 9 digits>/<suffix>, e.g. 10.1056/NEJMoa2034577");
    }

    /** Just the normalised DOI, or null: for keys taken from other sources such as the retraction database. */
    static String doiKey(String given) {
        return given == null || given.isBlank() ? null : doi(given).normalized();
    }

    static Checked pmid(String given) {
        Matcher m = PMID.matcher(given.strip());
        if (m.matches() && Long.parseLong(m.group(1)) > 0) {
            return Checked.ok(Kind.PMID, given, Long.toString(Long.parseLong(m.group(1))));
        }
        return Checked.bad(Kind.PMID, given, "not a PMID: a PubMed identifier is a positive whole number, e.g. 33301246");
    }

    /** The PMID as a number, or null when it is not one. */
    static Long pmidKey(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        Checked checked = pmid(given);
        return checked.valid() ? Long.valueOf(checked.normalized()) : null;
    }

    static Checked pmcid(String given) {
        Matcher m = PMCID.matcher(given.strip());
        if (m.matches() && Long.parseLong(m.group(1)) > 0) {
            return Checked.ok(Kind.PMCID, given, "PMC" + Long.parseLong(m.group(1)));
        }
        return Checked.bad(Kind.PMCID, given, "not a PMCID: \"PMC\" followed by digits, e.g. PMC7745181");
    }

    /** An ISSN: seven digits and a check digit (0-9 or X, modulus 11), written NNNN-NNNC. */
    static Checked issn(String given) {
        Matcher m = ISSN.matcher(given.strip());
        if (!m.matches()) {
            return Checked.bad(Kind.ISSN, given, "not an ISSN: eight characters NNNN-NNNC, e.g. 0028-4793");
        }
        String digits = (m.group(1) + m.group(2)).toUpperCase(Locale.ROOT);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        if (digits.charAt(7) != expected) {
            return Checked.bad(Kind.ISSN, given, "the ISSN's check digit is wrong: " + digits.substring(0, 4) + "-"
                    + digits.substring(4, 7) + " needs " + expected);
        }
        return Checked.ok(Kind.ISSN, given, digits.substring(0, 4) + "-" + digits.substring(4));
    }

    /** A well-formed absolute http or https address with a host. */
    static Checked url(String given) {
        String value = given.strip();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return Checked.ok(Kind.URL, given, value);
            }
            return Checked.bad(Kind.URL, given, "not a web address: it needs http:// or https:// and a host");
        } catch (URISyntaxException e) {
            return Checked.bad(Kind.URL, given, "not a well-formed address: " + e.getReason());
        }
    }

    /** Trailing full stops, commas, semicolons, colons, quotes, and closing brackets that open nowhere. */
    private static String trimTrailingPunctuation(String value) {
        String v = value;
        while (!v.isEmpty()) {
            char last = v.charAt(v.length() - 1);
            boolean strip = ".,;:'\"".indexOf(last) >= 0 || Character.isWhitespace(last)
                    || (last == ')' && unbalanced(v, '(', ')')) || (last == ']' && unbalanced(v, '[', ']'));
            if (!strip) {
                break;
            }
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }

    private static boolean unbalanced(String v, char open, char close) {
        long opened = v.chars().filter(c -> c == open).count();
        long closed = v.chars().filter(c -> c == close).count();
        return closed > opened;
    }

    private static String percentDecoded(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
