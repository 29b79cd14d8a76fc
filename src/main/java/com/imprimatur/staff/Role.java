package com.imprimatur.staff;

/** The staff roles of DESIGN.md; each maps one-to-one onto a BPMN candidate group. */
public enum Role {
    WRITER("writers"),
    MEDICAL_REVIEWER("medical-reviewers"),
    EDITOR("editors"),
    ADMIN("admins");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** The BPMN candidate group of this role. */
    public String group() {
        return group;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
