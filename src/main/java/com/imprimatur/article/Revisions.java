package com.imprimatur.article;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Revisions extends JpaRepository<Revision, Long> {

    Optional<Revision> findByArticleIdAndNumber(long articleId, int number);

    List<Revision> findByArticleIdOrderByNumber(long articleId);
}
