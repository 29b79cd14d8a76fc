package com.imprimatur.web.admin;

import java.util.List;

/** The kinds of audit events an administrator filters by, in words, and the event types each covers. */
enum EventKind {
    WRITING("Articles and revisions", List.of("article.created", "revision.submitted")),
    REVIEW("Reviews and tasks", List.of("task.", "references.", "review.")),
    CHECKS("Plagiarism and fact checks", List.of("plagiarism.", "factcheck.")),
    PUBLICATION("Publication and withdrawal", List.of("publication.", "revision.published", "article.withdrawn",
            "article.status-changed", "cycle.")),
    READERS("Readers' reports", List.of("report.")),
    SIGN_INS("Sign-ins", List.of("login.")),
    PEOPLE("Users and roles", List.of("user.")),
    RETRACTIONS("Retraction imports", List.of("retractions."));

    private final String label;
    private final List<String> types;

    EventKind(String label, List<String> types) {
        this.label = label;
        this.types = types;
    }

    public String label() {
        return label;
    }

    List<String> types() {
        return types;
    }
}
