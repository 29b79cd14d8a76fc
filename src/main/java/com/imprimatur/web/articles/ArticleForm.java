package com.imprimatur.web.articles;

import com.imprimatur.article.ReferenceView;
import com.imprimatur.article.RevisionContent;
import com.imprimatur.article.RevisionView;
import java.util.ArrayList;
import java.util.List;

/** The article editor's form, as posted: the content of a revision, with the reference rows as typed. */
public class ArticleForm {

    private String title;
    private String summary;
    private String body;
    private String disclosure;
    private String changeNote;
    private List<ReferenceField> references = new ArrayList<>();

    /** One row of the references editor. */
    public static class ReferenceField {

        private String citation;
        private String doi;
        private String pmid;
        private String url;

        public String getCitation() {
            return citation;
        }

        public void setCitation(String citation) {
            this.citation = citation;
        }

        public String getDoi() {
            return doi;
        }

        public void setDoi(String doi) {
            this.doi = doi;
        }

        public String getPmid() {
            return pmid;
        }

        public void setPmid(String pmid) {
            this.pmid = pmid;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        boolean blank() {
            return isBlank(citation) && isBlank(doi) && isBlank(pmid) && isBlank(url);
        }
    }

    static ArticleForm empty() {
        ArticleForm form = new ArticleForm();
        form.references.add(new ReferenceField());
        return form;
    }

    /** The form filled with a revision, for writing the next one; the change note starts empty. */
    static ArticleForm of(RevisionView revision) {
        ArticleForm form = new ArticleForm();
        form.title = revision.title();
        form.summary = revision.summary();
        form.body = revision.body();
        form.disclosure = revision.disclosure();
        for (ReferenceView r : revision.references()) {
            ReferenceField field = new ReferenceField();
            field.citation = r.citation();
            field.doi = r.doi();
            field.pmid = r.pmid();
            field.url = r.url();
            form.references.add(field);
        }
        return form;
    }

    /** The rows that hold anything, by their position in the form (so errors land on the row typed in). */
    List<Integer> filledRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            if (!references.get(i).blank()) {
                rows.add(i);
            }
        }
        return rows;
    }

    RevisionContent content() {
        List<RevisionContent.Source> sources = filledRows().stream().map(references::get)
                .map(r -> new RevisionContent.Source(trim(r.citation), trim(r.doi), trim(r.pmid), trim(r.url))).toList();
        return new RevisionContent(trim(title), trim(summary), body, sources, trim(disclosure), trim(changeNote));
    }

    private static String trim(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getDisclosure() {
        return disclosure;
    }

    public void setDisclosure(String disclosure) {
        this.disclosure = disclosure;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public void setChangeNote(String changeNote) {
        this.changeNote = changeNote;
    }

    public List<ReferenceField> getReferences() {
        return references;
    }

    public void setReferences(List<ReferenceField> references) {
        this.references = references;
    }
}
