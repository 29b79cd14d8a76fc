package com.imprimatur.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One cited source of a revision, in the order the revision lists it (cited in the body as (n)). */
@Embeddable
class Reference {

    @Column(nullable = false)
    private String citation;

    private String doi;

    private String pmid;

    private String url;

    protected Reference() {
    }

    Reference(String citation, String doi, String pmid, String url) {
        this.citation = citation;
        this.doi = doi;
        this.pmid = pmid;
        this.url = url;
    }

    ReferenceView view(int number) {
        return new ReferenceView(number, citation, doi, pmid, url);
    }
}
