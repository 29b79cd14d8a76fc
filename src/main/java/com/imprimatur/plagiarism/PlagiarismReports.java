package com.imprimatur.plagiarism;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PlagiarismReports extends JpaRepository<PlagiarismReport, Long> {

    /** Written out: Hibernate keeps the plan of a query string, not of a derived query (the check runs it on every cycle). */
    @Query("select r from PlagiarismReport r where r.revisionId = :revisionId")
    Optional<PlagiarismReport> findByRevisionId(@Param("revisionId") long revisionId);
}
