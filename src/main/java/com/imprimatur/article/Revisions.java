package com.imprimatur.article;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Revisions extends JpaRepository<Revision, Long> {

    /**
     * Written out rather than derived from the name: Hibernate keeps the plan of a query string, but
     * interprets a derived (criteria) query afresh on every call, and this one runs several times per
     * request (measured in docs/performance.md).
     */
    @Query("select r from Revision r where r.articleId = :articleId and r.number = :number")
    Optional<Revision> findByArticleIdAndNumber(@Param("articleId") long articleId, @Param("number") int number);

    List<Revision> findByArticleIdOrderByNumber(long articleId);

    /** A revision's title alone: what a list of articles shows of each. */
    @Query("select r.title from Revision r where r.articleId = :articleId and r.number = :number")
    Optional<String> titleOf(@Param("articleId") long articleId, @Param("number") int number);
}
