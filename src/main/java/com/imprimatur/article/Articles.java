package com.imprimatur.article;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Articles extends JpaRepository<Article, Long> {

    boolean existsBySlug(String slug);

    Optional<Article> findBySlug(String slug);

    @Query("""
            select distinct a from Article a where a.createdBy = :user
              or exists (select 1 from Revision r join r.authors au where r.articleId = a.id and au = :user)
            order by a.id desc""")
    List<Article> findAuthoredBy(@Param("user") String user);

    List<Article> findAllByOrderByIdDesc();

    List<Article> findByStatusNotOrPublishedRevisionNotNullOrderByIdDesc(ArticleStatus status);
}
