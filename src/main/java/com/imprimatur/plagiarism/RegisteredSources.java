package com.imprimatur.plagiarism;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegisteredSources extends JpaRepository<RegisteredSource, Long> {
}
