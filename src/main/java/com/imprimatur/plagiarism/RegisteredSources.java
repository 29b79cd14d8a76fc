package com.imprimatur.plagiarism;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RegisteredSources extends JpaRepository<RegisteredSource, Long> {

    /** The source registered with exactly this text, if any (sha256 is unique). */
    Optional<RegisteredSource> findBySha256(String sha256);
}
