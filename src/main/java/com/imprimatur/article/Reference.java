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

    private String pmcid;

    private String issn;

    protected Reference() {
    }

    Reference(RevisionContent.Source source) {
        this.citation = source.citation();
        this.doi = source.doi();
        this.pmid = source.pmid();
        this.url = source.url();
        this.pmcid = source.pmcid();
        this.issn = source.issn();
    }

    ReferenceView view(int number) {
        return new ReferenceView(number, citation, doi, pmid, url, pmcid, issn);
    }
}
