package com.imprimatur.factcheck;

import com.imprimatur.factcheck.Finding.Severity;
import com.imprimatur.factcheck.RetractionNotice.Nature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * What the retraction notices about one reference mean for the review: a retraction that no later
 * reinstatement undoes blocks; an expression of concern, a correction or any other notice warns.
 */
final class RetractionFindings {

    private static final Comparator<RetractionNotice> BY_DATE = Comparator.comparing(RetractionNotice::date,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private RetractionFindings() {
    }

    /** The notices matching the reference's valid DOI or PMID (never a notice's own DOI), oldest first. */
    static List<RetractionNotice> notices(List<Identifiers.Checked> identifiers, List<Retractions.Keyed> all) {
        String doi = valid(identifiers, Identifiers.Kind.DOI);
        String pmid = valid(identifiers, Identifiers.Kind.PMID);
        List<RetractionNotice> found = new ArrayList<>();
        Set<Retractions.Keyed> seen = new HashSet<>();
        for (Retractions.Keyed k : all) {
            String key = doi != null && doi.equals(k.doi()) ? "doi:" + doi
                    : pmid != null && k.pmid() != null && pmid.equals(k.pmid().toString()) ? "pmid:" + pmid : null;
            if (key != null && seen.add(k)) {
                found.add(k.notice().matchedOn(key));
            }
        }
        found.sort(BY_DATE);
        return found;
    }

    private static String valid(List<Identifiers.Checked> identifiers, Identifiers.Kind kind) {
        return identifiers.stream().filter(c -> c.valid() && c.kind() == kind).map(Identifiers.Checked::normalized)
                .findFirst().orElse(null);
    }

    static List<Finding> of(int reference, List<RetractionNotice> notices) {
        List<Finding> findings = new ArrayList<>();
        RetractionNotice retraction = null;
        for (RetractionNotice n : notices) {
            if (n.nature() == Nature.RETRACTION) {
                retraction = n;
            } else if (n.nature() == Nature.REINSTATEMENT && retraction != null && !before(n.date(), retraction.date())) {
                retraction = null;
            }
        }
        if (retraction != null) {
            findings.add(Finding.onReference("reference-retracted", Severity.BLOCKING, reference, "Reference "
                    + reference + " was retracted" + on(retraction.date()) + reason(retraction)
                    + " Remove it or replace it with a sound source."));
        }
        for (RetractionNotice n : notices) {
            String code = switch (n.nature()) {
                case EXPRESSION_OF_CONCERN -> "reference-expression-of-concern";
                case CORRECTION -> "reference-corrected";
                case REINSTATEMENT, OTHER -> "reference-notice";
                case RETRACTION -> null;
            };
            if (code != null) {
                findings.add(Finding.onReference(code, Severity.WARNING, reference, "Reference " + reference + " has "
                        + (n.natureText() == null ? "a notice" : "a notice: " + n.natureText()) + on(n.date())
                        + reason(n) + " Check that the text relies on nothing it affects."));
            }
        }
        return findings;
    }

    private static boolean before(LocalDate a, LocalDate b) {
        return a != null && b != null && a.isBefore(b);
    }

    private static String on(LocalDate date) {
        return date == null ? "" : " on " + date;
    }

    private static String reason(RetractionNotice n) {
        return n.reason() == null ? "." : " (" + n.reason() + ").";
    }
}
