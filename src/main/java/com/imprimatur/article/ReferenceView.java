package com.imprimatur.article;

/** A reference as shown to callers: {@code number} is its 1-based place in the list, as cited in the body. */
public record ReferenceView(int number, String citation, String doi, String pmid, String url, String pmcid,
        String issn) {

    public ReferenceView(int number, String citation, String doi, String pmid, String url) {
        this(number, citation, doi, pmid, url, null, null);
    }
}
