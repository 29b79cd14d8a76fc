package com.imprimatur.review;

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

/** A decision taken on one task; kept for ever, never changed. */
@Entity
@Immutable
@Table(name = "decision")
class DecisionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(name = "revision_id", nullable = false)
    private long revisionId;

    @Column(name = "revision_number", nullable = false)
    private int revisionNumber;

    @Column(name = "task_id", nullable = false)
    private String taskId;

    @Column(name = "task_key", nullable = false)
    private String taskKey;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String decision;

    private String comment;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reference_verdict", joinColumns = @JoinColumn(name = "decision_id"))
    @OrderColumn(name = "position")
    private List<ReferenceVerdict> verdicts = new ArrayList<>();

    protected DecisionRecord() {
    }

    DecisionRecord(TaskContext task, long revisionId, String actor, String decision, String comment, Instant publishAt,
            List<ReferenceVerdict> verdicts) {
        this.articleId = task.articleId();
        this.revisionId = revisionId;
        this.revisionNumber = task.revision();
        this.taskId = task.taskId();
        this.taskKey = task.taskKey();
        this.actor = actor;
        this.decision = decision;
        this.comment = comment;
        this.publishAt = publishAt;
        this.decidedAt = Instant.now();
        this.verdicts = new ArrayList<>(verdicts);
    }

    String actor() {
        return actor;
    }

    String decision() {
        return decision;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    DecisionView view() {
        List<DecisionView.Verdict> list = IntStream.range(0, verdicts.size())
                .mapToObj(i -> new DecisionView.Verdict(i + 1, verdicts.get(i).verdict(), verdicts.get(i).note()))
                .toList();
        return new DecisionView(taskKey, revisionNumber, actor, decision, comment, publishAt, decidedAt, list);
    }
}
