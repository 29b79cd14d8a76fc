package com.imprimatur.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FeedbackReports extends JpaRepository<FeedbackReport, Long> {

    Optional<FeedbackReport> findByPublicId(String publicId);

    Optional<FeedbackReport> findByDedupeKey(String dedupeKey);

    List<FeedbackReport> findByArticleIdOrderByCreatedAtDesc(long articleId);

    /** A report older than the repeat window no longer holds its key, so the same words may be reported again. */
    @Modifying
    @Query("update FeedbackReport r set r.dedupeKey = null where r.dedupeKey = :key and r.createdAt < :before")
    int releaseKey(@Param("key") String key, @Param("before") Instant before);
}
