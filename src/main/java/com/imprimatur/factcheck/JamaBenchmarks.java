package com.imprimatur.factcheck;

import com.imprimatur.article.RevisionView;
import com.imprimatur.factcheck.FactCheckReport.Benchmark;
import com.imprimatur.factcheck.FactCheckReport.JamaItem;
import com.imprimatur.factcheck.FactCheckReport.Status;
import com.imprimatur.staff.StaffProfile;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The four JAMA benchmarks for health information on the web (Silberg, Lundberg and Musacchio,
 * 1997) as a checklist on one revision: authorship, attribution, disclosure and currency.
 */
final class JamaBenchmarks {

    private static final Set<String> ATTRIBUTION_FAILURES = Set.of("citation-without-reference", "reference-not-cited");

    private JamaBenchmarks() {
    }

    static List<JamaItem> check(RevisionView revision, Map<String, StaffProfile> profiles,
            Optional<MedicalReviews.Review> approval, List<Finding> citationFindings) {
        return List.of(authorship(revision, profiles, approval), attribution(revision, citationFindings),
                disclosure(revision), currency(revision, approval));
    }

    /** A named writer, and a named physician with credentials who approved this revision. */
    private static JamaItem authorship(RevisionView revision, Map<String, StaffProfile> profiles,
            Optional<MedicalReviews.Review> approval) {
        List<String> unnamed = revision.authors().stream()
                .filter(a -> profiles.get(a) == null || profiles.get(a).displayName().isBlank()).toList();
        if (revision.authors().isEmpty() || !unnamed.isEmpty()) {
            return new JamaItem(Benchmark.AUTHORSHIP, Status.FAIL, "Every writer must be named; no name for "
                    + (unnamed.isEmpty() ? "the writer" : String.join(", ", unnamed)) + ".");
        }
        String writers = "Written by " + String.join(", ",
                revision.authors().stream().map(a -> profiles.get(a).signature()).toList());
        if (approval.isEmpty()) {
            return new JamaItem(Benchmark.AUTHORSHIP, Status.PENDING, writers + "; no physician has approved it yet.");
        }
        StaffProfile reviewer = profiles.get(approval.get().reviewer());
        if (reviewer == null || reviewer.credentials() == null || reviewer.credentials().isBlank()) {
            return new JamaItem(Benchmark.AUTHORSHIP, Status.FAIL, writers + "; the approving physician "
                    + approval.get().reviewer() + " has no credentials on record: an administrator adds them.");
        }
        return new JamaItem(Benchmark.AUTHORSHIP, Status.PASS, writers + "; medically reviewed by " + reviewer.signature() + ".");
    }

    /** References present, every one cited, every citation pointing at one. */
    private static JamaItem attribution(RevisionView revision, List<Finding> citationFindings) {
        if (revision.references().isEmpty()) {
            return new JamaItem(Benchmark.ATTRIBUTION, Status.FAIL, "The revision lists no references.");
        }
        long problems = citationFindings.stream().filter(f -> ATTRIBUTION_FAILURES.contains(f.code())).count();
        if (problems > 0) {
            return new JamaItem(Benchmark.ATTRIBUTION, Status.FAIL, problems + " citation "
                    + (problems == 1 ? "problem" : "problems") + ": every reference must be cited, and every citation must name a listed reference.");
        }
        return new JamaItem(Benchmark.ATTRIBUTION, Status.PASS,
                revision.references().size() + " references, each cited in the body.");
    }

    /** A disclosure statement: sponsorship, conflicts of interest. */
    private static JamaItem disclosure(RevisionView revision) {
        if (revision.disclosure() == null || revision.disclosure().isBlank()) {
            return new JamaItem(Benchmark.DISCLOSURE, Status.FAIL,
                    "The revision carries no disclosure statement (sponsorship, conflicts of interest); submit a revision with one.");
        }
        return new JamaItem(Benchmark.DISCLOSURE, Status.PASS, revision.disclosure().strip());
    }

    /** The dates readers are shown: written on, medically reviewed on. */
    private static JamaItem currency(RevisionView revision, Optional<MedicalReviews.Review> approval) {
        String written = "Written " + revision.createdAt().atOffset(ZoneOffset.UTC).toLocalDate();
        if (approval.isEmpty()) {
            return new JamaItem(Benchmark.CURRENCY, Status.PENDING, written + "; the review date comes with the physician's approval.");
        }
        return new JamaItem(Benchmark.CURRENCY, Status.PASS,
                written + "; medically reviewed " + approval.get().decidedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ".");
    }
}
