package com.imprimatur.feedback;

/**
 * The body of {@code POST /api/public/articles/{slug}/feedback}. Checked by hand so that every
 * rule answers 422 in words; {@code website} is a honeypot that people never see nor fill.
 */
public record FeedbackRequest(String reason, String comment, String passage, String email, String website) {
}
