package com.imprimatur.review;

import com.imprimatur.article.RevisionView;
import com.imprimatur.factcheck.MedicalReviews;
import java.util.List;
import com.imprimatur.route.TaskKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The recorded medical-review decisions, for the fact-check report. */
@Component
@Transactional(readOnly = true)
class RecordedMedicalReviews implements MedicalReviews {

    private final Decisions decisions;

    RecordedMedicalReviews(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public List<Review> of(RevisionView revision) {
        return decisions.findByRevisionIdAndTaskKeyOrderByDecidedAtDesc(revision.id(), TaskKind.MEDICAL_REVIEW.key())
                .stream().map(DecisionRecord::view)
                .map(d -> new Review(d.actor(), d.decision(), d.decidedAt(), d.referenceVerdicts().stream()
                        .map(v -> new Verdict(v.reference(), v.verdict().name(), v.note())).toList()))
                .toList();
    }
}
