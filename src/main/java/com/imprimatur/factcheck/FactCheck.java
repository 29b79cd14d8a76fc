package com.imprimatur.factcheck;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ReferenceView;
import com.imprimatur.article.RevisionView;
import com.imprimatur.factcheck.FactCheckReport.Identifier;
import com.imprimatur.factcheck.FactCheckReport.ReferenceCheck;
import com.imprimatur.factcheck.FactCheckReport.Verdict;
import com.imprimatur.factcheck.Finding.Severity;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic fact-check of a revision, computed on demand (it takes milliseconds, and a new
 * retraction import shows at once): citations against references, identifiers, retraction
 * notices, unsupported-claim hints, the physician's verdicts and the JAMA benchmarks.
 */
@Service
@Transactional(readOnly = true)
public class FactCheck {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.reference() == null ? 0 : f.reference())
            .thenComparing(f -> f.start() == null ? -1 : f.start());

    private final ArticleService articles;
    private final Staff staff;
    private final Retractions retractions;
    private final MedicalReviews reviews;

    FactCheck(ArticleService articles, Staff staff, Retractions retractions, MedicalReviews reviews) {
        this.articles = articles;
        this.staff = staff;
        this.retractions = retractions;
        this.reviews = reviews;
    }

    /** The report for someone who may see the article (404 otherwise). */
    public FactCheckReport report(StaffMember caller, long articleId, int number) {
        return report(articles.revision(caller, articleId, number));
    }

    /** The report for the module that gates decisions, which has checked access itself. */
    public FactCheckReport report(long articleId, int number) {
        return report(articles.revision(articleId, number));
    }

    FactCheckReport report(RevisionView revision) {
        List<ReferenceView> refs = revision.references();
        List<Citations.Citation> citations = Citations.in(revision.body());
        List<Finding> citationFindings = Citations.check(citations, refs.size());
        List<Finding> findings = new ArrayList<>(citationFindings);

        List<List<Identifiers.Checked>> identifiers = new ArrayList<>();
        Set<String> dois = new HashSet<>();
        Set<Long> pmids = new HashSet<>();
        for (ReferenceView ref : refs) {
            List<Identifiers.Checked> checked = identifiers(ref);
            identifiers.add(checked);
            for (Identifiers.Checked c : checked) {
                if (!c.valid()) {
                    findings.add(Finding.onReference("invalid-" + c.kind().name().toLowerCase(java.util.Locale.ROOT),
                            Severity.BLOCKING, ref.number(), "Reference " + ref.number() + ": \"" + c.given() + "\" is "
                                    + c.problem() + "."));
                } else if (c.kind() == Identifiers.Kind.DOI) {
                    dois.add(c.normalized());
                } else if (c.kind() == Identifiers.Kind.PMID) {
                    pmids.add(Long.valueOf(c.normalized()));
                }
            }
            if (checked.isEmpty()) {
                findings.add(Finding.onReference("no-identifier", Severity.HINT, ref.number(), "Reference "
                        + ref.number() + " has no DOI, PMID, PMCID or URL: only a check by hand can verify it."));
            }
        }
        List<Retractions.Keyed> notices = dois.isEmpty() && pmids.isEmpty() ? List.of() : retractions.about(dois, pmids);
        List<MedicalReviews.Review> decisions = reviews.of(revision);
        Optional<MedicalReviews.Review> approval = decisions.stream().filter(MedicalReviews.Review::approval).findFirst();
        Optional<MedicalReviews.Review> verdicts = decisions.stream().filter(d -> !d.verdicts().isEmpty()).findFirst();

        List<ReferenceCheck> references = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            ReferenceView ref = refs.get(i);
            List<RetractionNotice> about = RetractionFindings.notices(identifiers.get(i), notices);
            findings.addAll(RetractionFindings.of(ref.number(), about));
            references.add(new ReferenceCheck(ref.number(), ref.citation(), identifiers.get(i).stream()
                    .map(c -> new Identifier(c.kind().name(), c.given(), c.normalized(), c.valid())).toList(),
                    timesCited(citations, ref.number()), about, verdict(verdicts, ref.number())));
        }
        findings.addAll(UnsupportedClaims.in(revision.body(), citations));
        findings.sort(ORDER);

        Set<String> people = new LinkedHashSet<>(revision.authors());
        approval.ifPresent(a -> people.add(a.reviewer()));
        List<FactCheckReport.JamaItem> jama = JamaBenchmarks.check(revision, staff.profiles(people), approval,
                citationFindings);
        int blocking = (int) findings.stream().filter(Finding::blocking).count();
        int warnings = (int) findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        boolean publishable = blocking == 0 && jama.stream().allMatch(j -> j.status() == FactCheckReport.Status.PASS);
        return new FactCheckReport(revision.articleId(), revision.number(), Instant.now(),
                new FactCheckReport.Summary(blocking, warnings, findings.size() - blocking - warnings, blocking == 0,
                        publishable),
                findings, citations, references, jama);
    }

    private static List<Identifiers.Checked> identifiers(ReferenceView ref) {
        List<Identifiers.Checked> checked = new ArrayList<>(5);
        if (present(ref.doi())) {
            checked.add(Identifiers.doi(ref.doi()));
        }
        if (present(ref.pmid())) {
            checked.add(Identifiers.pmid(ref.pmid()));
        }
        if (present(ref.pmcid())) {
            checked.add(Identifiers.pmcid(ref.pmcid()));
        }
        if (present(ref.issn())) {
            checked.add(Identifiers.issn(ref.issn()));
        }
        if (present(ref.url())) {
            checked.add(Identifiers.url(ref.url()));
        }
        return checked;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static int timesCited(List<Citations.Citation> citations, int number) {
        return (int) citations.stream().filter(c -> c.numbers().contains(number)).count();
    }

    private static Verdict verdict(Optional<MedicalReviews.Review> review, int number) {
        return review.flatMap(r -> r.verdicts().stream().filter(v -> v.reference() == number).findFirst()
                .map(v -> new Verdict(v.verdict(), v.note(), r.reviewer(), r.decidedAt()))).orElse(null);
    }
}
