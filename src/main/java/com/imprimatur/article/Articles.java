package com.imprimatur.article;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Articles extends JpaRepository<Article, Long> {

    /** Written out (as the queries below): Hibernate keeps the plan of a query string, not of a derived query. */
    @Query("select count(a) > 0 from Article a where a.slug = :slug")
    boolean existsBySlug(@Param("slug") String slug);

    @Query("select a from Article a where a.slug = :slug")
    Optional<Article> findBySlug(@Param("slug") String slug);

    @Query("""
            select distinct a from Article a where a.createdBy = :user
              or exists (select 1 from Revision r join r.authors au where r.articleId = a.id and au = :user)
            order by a.id desc""")
    List<Article> findAuthoredBy(@Param("user") String user);

    List<Article> findAllByOrderByIdDesc();

    @Query("""
            select a.id from Article a where a.status = :published and a.publishedRevision is not null
              and a.lastReviewedAt < :before order by a.lastReviewedAt""")
    List<Long> findDueForReReview(@Param("published") ArticleStatus published, @Param("before") java.time.Instant before,
            org.springframework.data.domain.Pageable page);

    List<Article> findByStatusNotOrPublishedRevisionNotNullOrderByIdDesc(ArticleStatus status);
}
