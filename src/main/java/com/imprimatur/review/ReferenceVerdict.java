package com.imprimatur.review;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
class ReferenceVerdict {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Verdict verdict;

    private String note;

    protected ReferenceVerdict() {
    }

    ReferenceVerdict(Verdict verdict, String note) {
        this.verdict = verdict;
        this.note = note;
    }

    Verdict verdict() {
        return verdict;
    }

    String note() {
        return note;
    }
}
