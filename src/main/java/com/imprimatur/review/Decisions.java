package com.imprimatur.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Decisions extends JpaRepository<DecisionRecord, Long> {

    List<DecisionRecord> findByArticleIdOrderByDecidedAt(long articleId);

    /** Written out, so that Hibernate keeps its plan (see {@code Revisions.findByArticleIdAndNumber}). */
    @Query("select d from DecisionRecord d where d.revisionId = :revisionId and d.taskKey = :taskKey order by d.decidedAt desc")
    List<DecisionRecord> findByRevisionIdAndTaskKeyOrderByDecidedAtDesc(@Param("revisionId") long revisionId,
            @Param("taskKey") String taskKey);
}
