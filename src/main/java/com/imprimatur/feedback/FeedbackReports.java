package com.imprimatur.feedback;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FeedbackReports extends JpaRepository<FeedbackReport, Long> {

    Optional<FeedbackReport> findByPublicId(String publicId);

    List<FeedbackReport> findByArticleIdOrderByCreatedAtDesc(long articleId);
}
