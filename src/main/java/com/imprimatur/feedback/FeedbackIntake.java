package com.imprimatur.feedback;

import com.imprimatur.article.LiveRevisions;
import com.imprimatur.article.LiveRevisions.LiveRevision;
import com.imprimatur.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way in for a reader's report, from the API and from the page alike: checks it, then has
 * {@link ReportStore} store it with its triage task in one transaction, so that a report id is
 * given out only for a report that is safely stored. The same report from the same client within
 * 24 hours gets the same id back. Readers' requests read the live revision with plain SQL
 * ({@link LiveRevisions}); this path is the one that floods hit.
 */
@Service
public class FeedbackIntake {

    static final Duration REPEAT_WINDOW = Duration.ofHours(24);
    private static final int MAX_TEXT = 2000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final LiveRevisions live;
    private final ReportStore store;
    private final HelpfulVotes votes;
    private final String clientSalt;

    FeedbackIntake(LiveRevisions live, ReportStore store, HelpfulVotes votes,
            @Value("${imprimatur.feedback.client-salt}") String clientSalt) {
        this.live = live;
        this.store = store;
        this.votes = votes;
        this.clientSalt = clientSalt;
    }

    /** The id given to the reader, and whether it is that of an earlier, identical report. */
    public record Receipt(String reportId, boolean repeated) {
    }

    /** A checked report, ready to store. */
    record Checked(long articleId, int revision, List<String> authors, ReportReason reason, String comment,
            String passage, String email, String clientHash, String dedupeKey) {
    }

    /**
     * Checks, then stores the report and opens its triage task in one transaction (nothing is
     * written before the checks pass); an identical report of the last 24 hours is answered with
     * its id instead. Returns once the report is committed.
     */
    public Receipt submit(String slug, FeedbackRequest request, String client) {
        return store.store(check(slug, request, client));
    }

    /** A reader's helpful / not helpful vote on the published revision; 404 for an unpublished slug, 410 for a withdrawn one. */
    @Transactional
    public void vote(String slug, boolean helpful) {
        LiveRevision article = live.bySlug(slug)
                .orElseThrow(() -> Problem.notFound("A published article '" + slug + "'"));
        votes.count(article.articleId(), article.number(), helpful);
    }

    /**
     * Checks the report against the published article: 404 for an unpublished slug, 410 for a withdrawn
     * one, 422 naming every broken rule.
     */
    Checked check(String slug, FeedbackRequest request, String client) {
        LiveRevision article = live.bySlug(slug)
                .orElseThrow(() -> Problem.notFound("A published article '" + slug + "'"));
        List<Map<String, String>> errors = new ArrayList<>();
        if (request.website() != null && !request.website().isBlank()) {
            errors.add(error("website", "this field must stay empty"));
        }
        ReportReason reason = null;
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(error("reason", "choose a reason: INACCURATE, OUTDATED, QUESTIONABLE or OTHER"));
        } else {
            try {
                reason = ReportReason.valueOf(request.reason().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(error("reason", "'" + shorten(request.reason()) + "' is not a reason: use INACCURATE, OUTDATED, QUESTIONABLE or OTHER"));
            }
        }
        // the raw length first: a text far too long is refused before anything reads it
        String comment = tooLong(request.comment()) ? null : ReaderText.strip(request.comment());
        if (tooLong(request.comment()) || comment != null && comment.length() > MAX_TEXT) {
            errors.add(error("comment", "at most 2,000 characters"));
        } else if (comment == null && reason != null && reason != ReportReason.OUTDATED) {
            errors.add(error("comment", "tell us what is wrong (only OUTDATED may be sent without a comment)"));
        }
        String passage = tooLong(request.passage()) ? null : ReaderText.strip(request.passage());
        if (tooLong(request.passage()) || passage != null && passage.length() > MAX_TEXT) {
            errors.add(error("passage", "at most 2,000 characters"));
        } else if (passage != null && !ReaderText.words(live.body(article.revisionId())).contains(ReaderText.words(passage))) {
            errors.add(error("passage", "the quoted passage does not occur in the article"));
        }
        String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(error("email", "not a valid e-mail address"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("invalid-content", errors.get(0).get("field") + ": " + errors.get(0).get("message")
                    + (errors.size() > 1 ? " (and more: see errors)" : "")).with("errors", errors);
        }
        String clientHash = sha256(clientSalt + "|" + client);
        String dedupeKey = sha256(String.join("|", clientHash, String.valueOf(article.articleId()), reason.name(),
                comment == null ? "" : ReaderText.words(comment), passage == null ? "" : ReaderText.words(passage)));
        return new Checked(article.articleId(), article.number(), article.authors(), reason,
                comment, passage, email, clientHash, dedupeKey);
    }

    /** Longer than any text that could still be 2,000 characters once its markup is stripped. */
    private static boolean tooLong(String text) {
        return text != null && text.length() > ReaderText.MAX_RAW;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
