package com.imprimatur.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Decisions extends JpaRepository<DecisionRecord, Long> {

    List<DecisionRecord> findByArticleIdOrderByDecidedAt(long articleId);

    List<DecisionRecord> findByRevisionIdAndTaskKeyOrderByDecidedAtDesc(long revisionId, String taskKey);

    Optional<DecisionRecord> findFirstByRevisionIdAndTaskKeyAndDecisionOrderByDecidedAtDesc(long revisionId, String taskKey,
            String decision);
}
