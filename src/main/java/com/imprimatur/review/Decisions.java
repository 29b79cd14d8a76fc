package com.imprimatur.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Decisions extends JpaRepository<Decision, Long> {

    List<Decision> findByArticleIdOrderByDecidedAt(long articleId);

    List<Decision> findByRevisionIdAndTaskKeyOrderByDecidedAtDesc(long revisionId, String taskKey);

    Optional<Decision> findFirstByRevisionIdAndTaskKeyAndDecisionOrderByDecidedAtDesc(long revisionId, String taskKey,
            String decision);
}
