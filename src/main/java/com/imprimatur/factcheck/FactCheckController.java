package com.imprimatur.factcheck;

import com.imprimatur.staff.Staff;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fact-check report of a revision, and the administrators' import of the retraction database. */
@RestController
class FactCheckController {

    private final FactCheck factCheck;
    private final RetractionImport retractionImport;
    private final Staff staff;

    FactCheckController(FactCheck factCheck, RetractionImport retractionImport, Staff staff) {
        this.factCheck = factCheck;
        this.retractionImport = retractionImport;
        this.staff = staff;
    }

    @GetMapping("/api/articles/{id}/revisions/{n}/factcheck")
    FactCheckReport report(@PathVariable long id, @PathVariable int n) {
        return factCheck.report(staff.current(), id, n);
    }

    /** The Retraction Watch CSV export as the raw body; it replaces the notices imported before. */
    @PostMapping(path = "/api/admin/retractions", consumes = "text/csv")
    RetractionImport.Result importRetractions(InputStream csv) throws IOException {
        return retractionImport.replaceAll(csv);
    }
}
