package com.imprimatur.plagiarism;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlagiarismReports extends JpaRepository<PlagiarismReport, Long> {

    Optional<PlagiarismReport> findByRevisionId(long revisionId);
}
