package com.imprimatur.web.tasks;

import java.util.ArrayList;
import java.util.List;

/** The decision form of a task page, as posted. */
public class DecisionForm {

    private String decision;
    private String comment;
    private List<VerdictField> verdicts = new ArrayList<>();
    private String when = "now";
    private String publishAt;

    /** One reference's verdict and note. */
    public static class VerdictField {

        private Integer reference;
        private String verdict;
        private String note;

        public Integer getReference() {
            return reference;
        }

        public void setReference(Integer reference) {
            this.reference = reference;
        }

        public String getVerdict() {
            return verdict;
        }

        public void setVerdict(String verdict) {
            this.verdict = verdict;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public List<VerdictField> getVerdicts() {
        return verdicts;
    }

    public void setVerdicts(List<VerdictField> verdicts) {
        this.verdicts = verdicts;
    }

    public String getWhen() {
        return when;
    }

    public void setWhen(String when) {
        this.when = when;
    }

    public String getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(String publishAt) {
        this.publishAt = publishAt;
    }

    /** The verdict chosen for reference {@code number} (1-based), or null. */
    public String verdictOf(int number) {
        return verdicts.stream().filter(v -> v.getReference() != null && v.getReference() == number)
                .map(VerdictField::getVerdict).findFirst().orElse(null);
    }

    public String noteOf(int number) {
        return verdicts.stream().filter(v -> v.getReference() != null && v.getReference() == number)
                .map(VerdictField::getNote).findFirst().orElse(null);
    }
}
