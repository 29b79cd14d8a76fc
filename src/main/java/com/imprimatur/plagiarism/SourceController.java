package com.imprimatur.plagiarism;

import com.imprimatur.security.Staff;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SourceController {

    private final PlagiarismCorpus corpus;
    private final Staff staff;

    SourceController(PlagiarismCorpus corpus, Staff staff) {
        this.corpus = corpus;
        this.staff = staff;
    }

    @PostMapping("/api/sources")
    @ResponseStatus(HttpStatus.CREATED)
    SourceView register(@Valid @RequestBody SourceRequest request) {
        return corpus.register(staff.current(), request);
    }
}
