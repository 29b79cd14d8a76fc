package com.imprimatur.plagiarism;

import com.imprimatur.staff.Staff;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SourceController {

    private final PlagiarismCorpus corpus;
    private final Staff staff;

    SourceController(PlagiarismCorpus corpus, Staff staff) {
        this.corpus = corpus;
        this.staff = staff;
    }

    /** 201 with a new source; 200 with the source already registered when the same text comes again. */
    @PostMapping("/api/sources")
    ResponseEntity<SourceView> register(@Valid @RequestBody SourceRequest request) {
        PlagiarismCorpus.Registration registration = corpus.register(staff.current(), request);
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK).body(registration.source());
    }
}
