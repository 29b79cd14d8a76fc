package com.imprimatur.plagiarism;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A text an editor registered for the plagiarism check to compare against. */
@Entity
@Table(name = "plagiarism_source")
class RegisteredSource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    private String url;

    @Column(nullable = false, columnDefinition = "mediumtext")
    private String body;

    @Column(nullable = false, columnDefinition = "char(64)")
    private String sha256;

    @Column(nullable = false)
    private int words;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RegisteredSource() {
    }

    RegisteredSource(String title, String url, String body, String sha256, int words, String createdBy) {
        this.title = title;
        this.url = url;
        this.body = body;
        this.sha256 = sha256;
        this.words = words;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    Long id() {
        return id;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    SourceView view(int fingerprints) {
        return new SourceView(id, title, url, words, fingerprints, createdBy, createdAt);
    }
}
