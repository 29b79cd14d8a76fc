package com.imprimatur.article;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Revisions extends JpaRepository<Revision, Long> {

    Optional<Revision> findByArticleIdAndNumber(long articleId, int number);

    List<Revision> findByArticleIdOrderByNumber(long articleId);

    @Query("""
            select r from Revision r, Article a
            where a.id = r.articleId and a.publishedRevision = r.number and a.id <> :excluded""")
    List<Revision> findPublishedExcept(long excluded);
}
