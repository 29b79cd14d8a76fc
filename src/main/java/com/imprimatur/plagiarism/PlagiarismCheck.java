package com.imprimatur.plagiarism;

import com.imprimatur.article.ArticleService;
import com.imprimatur.article.RevisionView;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.problem.Problem;
import com.imprimatur.security.StaffMember;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares a revision's body with the published body of every other article and keeps the report.
 * Zero tolerance: any shared run of {@code imprimatur.plagiarism.min-run-words} words flags it.
 */
@Service
@Transactional
public class PlagiarismCheck {

    private final ArticleService articles;
    private final PlagiarismReports reports;
    private final int minWords;
    private final AuditTrail audit;

    PlagiarismCheck(ArticleService articles, PlagiarismReports reports,
            @Value("${imprimatur.plagiarism.min-run-words}") int minWords, AuditTrail audit) {
        this.articles = articles;
        this.reports = reports;
        this.minWords = minWords;
        this.audit = audit;
    }

    /** Runs the check and stores (or replaces) the report; returns whether the revision is flagged. */
    public boolean run(long articleId, int revisionNumber) {
        RevisionView revision = articles.revision(articleId, revisionNumber);
        List<WordRuns.Word> words = WordRuns.words(revision.body());
        BitSet covered = new BitSet(words.size());
        List<PlagiarismMatch> matches = new ArrayList<>();
        int longest = 0;
        for (RevisionView source : articles.publishedRevisionsExcept(articleId)) {
            List<WordRuns.Word> sourceWords = WordRuns.words(source.body());
            for (WordRuns.Run run : WordRuns.shared(words, sourceWords, minWords)) {
                covered.set(run.textFrom(), run.textTo());
                longest = Math.max(longest, run.words());
                int start = words.get(run.textFrom()).start();
                int end = words.get(run.textTo() - 1).end();
                matches.add(new PlagiarismMatch(source.articleId(), source.number(), run.words(), start, end,
                        sourceWords.get(run.sourceFrom()).start(), sourceWords.get(run.sourceTo() - 1).end(),
                        revision.body().substring(start, end)));
            }
        }
        BigDecimal similarity = words.isEmpty() ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(covered.cardinality() * 100.0 / words.size()).setScale(2, RoundingMode.HALF_UP);
        PlagiarismReport report = reports.findByRevisionId(revision.id()).orElseGet(() -> new PlagiarismReport(revision.id()));
        report.fill(!matches.isEmpty(), similarity, longest, words.size(), matches);
        reports.save(report);
        audit.recordAs(AuditTrail.SYSTEM, "plagiarism.checked", articleId, revisionNumber, java.util.Map.of(
                "flagged", report.flagged(), "similarityPercent", similarity, "longestPassageWords", longest,
                "matches", matches.size()));
        return report.flagged();
    }

    @Transactional(readOnly = true)
    public PlagiarismReportView report(StaffMember caller, long articleId, int revisionNumber) {
        RevisionView revision = articles.revision(caller, articleId, revisionNumber);
        return reports.findByRevisionId(revision.id()).map(r -> r.view(articleId, revisionNumber))
                .orElseThrow(() -> Problem.notFound("A plagiarism report for revision " + revisionNumber
                        + " (it is made once the physician approves)"));
    }
}
