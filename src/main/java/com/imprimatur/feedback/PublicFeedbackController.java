package com.imprimatur.feedback;

import com.imprimatur.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Readers' reports and votes (their rate limits are checked earlier, by {@link ReaderLimits}). */
@RestController
class PublicFeedbackController {

    private final FeedbackIntake intake;

    PublicFeedbackController(FeedbackIntake intake) {
        this.intake = intake;
    }

    record Vote(Boolean helpful) {
    }

    @PostMapping("/api/public/articles/{slug}/feedback")
    ResponseEntity<Map<String, String>> report(@PathVariable String slug, @RequestBody FeedbackRequest request,
            HttpServletRequest http) {
        FeedbackIntake.Receipt receipt = intake.submit(slug, request, http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("reportId", receipt.reportId()));
    }

    @PostMapping("/api/public/articles/{slug}/helpful")
    ResponseEntity<Void> vote(@PathVariable String slug, @RequestBody Vote vote) {
        if (vote.helpful() == null) {
            throw Problem.invalid("invalid-content", "helpful: say true or false");
        }
        intake.vote(slug, vote.helpful());
        return ResponseEntity.noContent().build();
    }
}
