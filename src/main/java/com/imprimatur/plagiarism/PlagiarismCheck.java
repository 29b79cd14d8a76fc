package com.imprimatur.plagiarism;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.RevisionView;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.StaffMember;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a revision against the corpus and keeps the report: candidates from the fingerprint
 * index (never the article's own revisions), passages from aligning each candidate's text, then
 * the policy (README, Plagiarism check).
 */
@Service
@Transactional
public class PlagiarismCheck {

    private final ArticleService articles;
    private final PlagiarismReports reports;
    private final RegisteredSources sources;
    private final Engine engine;
    private final FingerprintIndex index;
    private final AuditTrail audit;
    private final int maxCandidates;

    PlagiarismCheck(ArticleService articles, PlagiarismReports reports, RegisteredSources sources, Engine engine,
            FingerprintIndex index, AuditTrail audit, @Value("${imprimatur.plagiarism.candidates:100}") int maxCandidates) {
        this.articles = articles;
        this.reports = reports;
        this.sources = sources;
        this.engine = engine;
        this.index = index;
        this.audit = audit;
        this.maxCandidates = maxCandidates;
    }

    /** Runs the check and stores (or replaces) the report; returns whether the revision is flagged. */
    public boolean run(long articleId, int revisionNumber) {
        RevisionView revision = articles.revision(articleId, revisionNumber);
        Engine.Prepared checked = engine.prepare(revision.body());
        List<FingerprintIndex.Doc> docs = index.candidates(checked.winnowed(engine.settings()), articleId, maxCandidates);
        List<Engine.Candidate<PlagiarismReportView.Source>> candidates = new ArrayList<>();
        for (FingerprintIndex.Doc doc : docs) {
            candidates.add(candidate(doc));
        }
        long[] common = index.common(Fingerprints.allKeys(checked.indexGrams()));
        Engine.Result<PlagiarismReportView.Source> result = engine.compare(checked, candidates, common);

        List<PlagiarismMatch> matches = new ArrayList<>();
        int quotedWords = 0;
        Tokens here = checked.tokens();
        for (Engine.Found<PlagiarismReportView.Source> f : result.passages()) {
            Alignment.Aligned a = f.passage();
            Tokens there = f.sourceText().tokens();
            matches.add(new PlagiarismMatch(f.source(), a.words(), a.matchedWords(), a.quoted(),
                    here.start(a.sFrom()), here.passageEnd(a.sTo() - 1), there.start(a.cFrom()), there.passageEnd(a.cTo() - 1),
                    here.text().substring(here.start(a.sFrom()), here.passageEnd(a.sTo() - 1)),
                    there.text().substring(there.start(a.cFrom()), there.passageEnd(a.cTo() - 1))));
            quotedWords += a.quoted() ? a.words() : 0;
        }
        BigDecimal similarity = BigDecimal.valueOf(result.similarityPercent()).setScale(2, RoundingMode.HALF_UP);
        PlagiarismReport report = reports.findByRevisionId(revision.id()).orElseGet(() -> new PlagiarismReport(revision.id()));
        report.fill(result.flagged(), similarity, result.longestPassageWords(), result.words(), quotedWords, docs.size(), matches);
        reports.save(report);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("flagged", result.flagged());
        details.put("similarityPercent", similarity);
        details.put("longestPassageWords", result.longestPassageWords());
        details.put("matches", matches.size());
        details.put("candidates", docs.size());
        audit.recordAs(AuditTrail.SYSTEM, "plagiarism.checked", articleId, revisionNumber, details);
        return result.flagged();
    }

    private Engine.Candidate<PlagiarismReportView.Source> candidate(FingerprintIndex.Doc doc) {
        if (FingerprintIndex.SOURCE.equals(doc.kind())) {
            RegisteredSource source = sources.findById(doc.sourceId()).orElseThrow(() -> new IllegalStateException(
                    "Indexed source " + doc.sourceId() + " is missing from plagiarism_source"));
            return new Engine.Candidate<>(new PlagiarismReportView.Source("source", null, null, source.id(), source.title()),
                    engine.prepareSource(source.body()));
        }
        RevisionView revision = articles.revision(doc.articleId(), doc.revisionNumber());
        return new Engine.Candidate<>(new PlagiarismReportView.Source("article", revision.articleId(), revision.number(), null,
                revision.title()), engine.prepare(revision.body()));
    }

    /** Keeps an editor's dismissal of the finding, with its justification, on the revision's report. */
    public void dismissed(long articleId, int revisionNumber, String editor, String justification) {
        RevisionView revision = articles.revision(articleId, revisionNumber);
        reports.findByRevisionId(revision.id()).ifPresent(r -> r.dismiss(editor, justification));
    }

    @Transactional(readOnly = true)
    public PlagiarismReportView report(StaffMember caller, long articleId, int revisionNumber) {
        RevisionView revision = articles.revision(caller, articleId, revisionNumber);
        return reports.findByRevisionId(revision.id()).map(r -> r.view(articleId, revisionNumber))
                .orElseThrow(() -> Problem.notFound("A plagiarism report for revision " + revisionNumber
                        + " (it is made once the physician approves)"));
    }
}
