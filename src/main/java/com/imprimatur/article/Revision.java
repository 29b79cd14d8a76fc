package com.imprimatur.article;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hibernate.annotations.Immutable;

/** An immutable snapshot of an article. Inserted once; never updated, never deleted. */
@Entity
@Immutable
@Table(name = "revision")
class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false, columnDefinition = "mediumtext")
    private String body;

    private String disclosure;

    @Column(name = "change_note")
    private String changeNote;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "content_sha256", nullable = false, columnDefinition = "char(64)")
    private String contentSha256;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "revision_reference", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "position")
    private List<Reference> references = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "revision_author", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "position")
    @Column(name = "username")
    private List<String> authors = new ArrayList<>();

    protected Revision() {
    }

    Revision(long articleId, int number, RevisionContent content, String createdBy, List<String> authors) {
        this.articleId = articleId;
        this.number = number;
        this.title = content.title();
        this.summary = content.summary();
        this.body = content.body();
        this.disclosure = content.disclosure();
        this.changeNote = content.changeNote();
        this.createdBy = createdBy;
        this.createdAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored (datetime(6))
        this.contentSha256 = content.sha256();
        this.references = new ArrayList<>(content.references().stream()
                .map(Reference::new).toList());
        this.authors = new ArrayList<>(authors);
    }

    Long id() {
        return id;
    }

    long articleId() {
        return articleId;
    }

    int number() {
        return number;
    }

    List<String> authors() {
        return List.copyOf(authors);
    }

    RevisionView view() {
        List<ReferenceView> refs = IntStream.range(0, references.size())
                .mapToObj(i -> references.get(i).view(i + 1)).toList();
        return new RevisionView(id, articleId, number, title, summary, body, disclosure, changeNote, refs,
                List.copyOf(authors), createdBy, createdAt, contentSha256);
    }
}
