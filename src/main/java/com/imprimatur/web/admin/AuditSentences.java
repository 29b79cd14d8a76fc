package com.imprimatur.web.admin;

import com.imprimatur.route.Decision;
import com.imprimatur.route.TaskKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.article.ArticleService;
import com.imprimatur.audit.AuditEventView;
import com.imprimatur.audit.AuditTrail;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.staff.StaffProfile;
import com.imprimatur.web.support.PageModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;

/**
 * Audit events as sentences in the words of the domain: "Dr. Elena Marsh, M.D., FACP approved the
 * medical review of revision 2 of <i>Vitamin D basics</i>", people by their names (user name beside),
 * articles by their titles, each linked. The raw record stays beside it for whoever must prove something.
 */
@Component
class AuditSentences {

    private final Staff staff;
    private final ArticleService articles;

    AuditSentences(Staff staff, ArticleService articles) {
        this.staff = staff;
        this.articles = articles;
    }

    /** An event and its sentence. */
    record Line(AuditEventView event, Sentence sentence) {
    }

    List<Line> of(StaffMember admin, List<AuditEventView> events) {
        Set<String> usernames = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        for (AuditEventView e : events) {
            usernames.add(e.actor());
            for (String field : List.of("username", "assignee", "previousAssignee", "reviewedBy")) {
                if (e.details().hasNonNull(field)) {
                    usernames.add(e.details().get(field).asText());
                }
            }
            if (e.articleId() != null) {
                ids.add(e.articleId());
            }
        }
        Words words = new Words(staff.profiles(usernames), titles(admin, ids));
        return events.stream().map(e -> new Line(e, words.sentence(e))).toList();
    }

    private Map<Long, String> titles(StaffMember admin, Collection<Long> ids) {
        Map<Long, String> titles = new HashMap<>();
        for (long id : ids) {
            try {
                titles.put(id, articles.get(admin, id).title());
            } catch (Problem gone) {
                titles.put(id, "article " + id);
            }
        }
        return titles;
    }

    /** The words for one listing: the people and articles it names. */
    private record Words(Map<String, StaffProfile> people, Map<Long, String> titles) {

        Sentence sentence(AuditEventView e) {
            JsonNode d = e.details();
            Sentence.Builder s = Sentence.of();
            switch (e.type()) {
                case "article.created" -> actor(s, e).text(" started ").then(article(s, e)).text(" (address /public/articles/" + d.path("slug").asText() + ")");
                case "revision.submitted" -> {
                    actor(s, e).text(" submitted ");
                    revision(s, e).text(" with " + count(d.path("references").asInt(), "reference"));
                    s.quote(d.path("changeNote").asText(null));
                }
                case "task.claimed" -> task(actor(s, e).text(" took up the "), e);
                case "task.unclaimed" -> task(actor(s, e).text(" handed back the "), e);
                case "task.assigned" -> task(actor(s, e).text(" gave the "), e).text(" to ").then(person(s, d.path("assignee").asText()));
                case "task.completed" -> completed(s, e);
                case "references.verdicts" -> verdicts(s, e);
                case "factcheck.passed" -> {
                    s.text("The fact-check of ");
                    revision(s, e).text(" let it through to " + (Decision.PUBLISH.is(d.path("gate").asText()) ? "publication" : "approval")
                            + " (" + count(d.path("warnings").asInt(), "warning") + ", " + count(d.path("hints").asInt(), "hint") + ")");
                }
                case "plagiarism.checked" -> {
                    s.text("The plagiarism check of ");
                    revision(s, e);
                    if (d.path("flagged").asBoolean()) {
                        s.text(" flagged it: " + d.path("similarityPercent").asText() + "% similar, longest shared passage "
                                + count(d.path("longestPassageWords").asInt(), "word") + ", " + count(d.path("matches").asInt(), "match", "matches"));
                    } else {
                        s.text(" found nothing to hold it (" + d.path("similarityPercent").asText() + "% similar, "
                                + count(d.path("candidates").asInt(), "text") + " compared)");
                    }
                }
                case "plagiarism.dismissed" -> {
                    actor(s, e).text(" dismissed the plagiarism finding on ");
                    revision(s, e).quote(d.path("justification").asText(null));
                }
                case "plagiarism.source.registered" -> actor(s, e).text(" registered the source text “" + d.path("title").asText()
                        + "” (" + count(d.path("words").asInt(), "word") + ") for the plagiarism check");
                case "publication.held" -> {
                    s.text("The publication of ");
                    revision(s, e).text(" was held and sent back to medical review").quote(d.path("reason").asText(null));
                }
                case "publication.cancelled" -> {
                    s.text("The publication of ");
                    revision(s, e).text(" was cancelled").quote(d.path("reason").asText(null));
                }
                case "revision.published" -> {
                    revision(s, e).text(" went live, medically reviewed by ").then(person(s, d.path("reviewedBy").asText()));
                    capitalise(s);
                }
                case "article.status-changed" -> article(s, e).text(" moved from " + status(d.path("from").asText()) + " to "
                        + status(d.path("to").asText()));
                case "cycle.ended-unpublished" -> {
                    s.text("The review cycle of ");
                    article(s, e).text(" ended without publication; it is " + status(d.path("to").asText()));
                }
                case "article.withdrawn" -> {
                    actor(s, e).text(" withdrew ");
                    article(s, e).text(d.has("offline") ? " (revision " + d.path("offline").asInt() + " taken offline)" : "")
                            .quote(d.path("reason").asText(null));
                }
                case "review.reopened" -> {
                    s.text("Review of ");
                    article(s, e).text(" reopened " + because(d.path("because").asText()));
                }
                case "review.sent-back" -> {
                    revision(s, e).text(" was sent back to medical review " + because(d.path("because").asText()));
                    capitalise(s);
                }
                case "report.received" -> {
                    s.text("A reader reported ");
                    article(s, e).text(" as " + d.path("reason").asText("other").toLowerCase(Locale.ROOT).replace('_', ' '));
                }
                case "report.triaged" -> {
                    actor(s, e).text(" reopened review of ");
                    article(s, e).text(" after a reader's report");
                }
                case "report.dismissed" -> {
                    actor(s, e).text(" dismissed a reader's report on ");
                    article(s, e).quote(d.path("justification").asText(null));
                }
                case "user.created" -> actor(s, e).text(" added ").then(person(s, d.path("username").asText()))
                        .text(" as " + roles(d.path("roles")));
                case "user.profile-changed" -> {
                    actor(s, e).text(" changed the profile of ").then(person(s, d.path("username").asText()));
                    d.fields().forEachRemaining(f -> {
                        if (f.getValue().isObject()) {
                            s.item(field(f.getKey()) + ": “" + f.getValue().path("from").asText("") + "” → “" + f.getValue().path("to").asText("") + "”");
                        }
                    });
                }
                case "user.roles-changed" -> actor(s, e).text(" changed the roles of ").then(person(s, d.path("username").asText()))
                        .text(" from " + roles(d.path("from")) + " to " + roles(d.path("to")));
                case "user.password-reset" -> actor(s, e).text(" reset the password of ").then(person(s, d.path("username").asText()))
                        .text(d.path("mustChange").asBoolean() ? "; a new one must be chosen at the next sign-in" : "");
                case "user.password-changed" -> actor(s, e).text(" chose a new password"
                        + (d.path("afterReset").asBoolean() ? " after an administrator's reset" : ""));
                case "user.enabled" -> actor(s, e).text(" enabled ").then(person(s, d.path("username").asText()));
                case "user.disabled" -> actor(s, e).text(" disabled ").then(person(s, d.path("username").asText()))
                        .text(" (their sessions ended)");
                case "user.sessions-ended" -> actor(s, e).text(" ended every session of ").then(person(s, d.path("username").asText()))
                        .text(" (" + count(d.path("sessions").asInt(), "session") + ")");
                case "login.succeeded" -> actor(s, e).text(" signed in");
                case "login.failed" -> {
                    s.text("A sign-in as ");
                    actor(s, e).text(" failed (" + d.path("reason").asText("wrong password") + ")");
                }
                case "login.locked" -> {
                    s.text("Sign-ins as ");
                    actor(s, e).text(" were locked for " + d.path("lockedForSeconds").asLong() + " s after repeated failures");
                }
                case "retractions.imported" -> actor(s, e).text(" imported the Retraction Watch list: "
                        + count(d.path("imported").asLong(), "notice") + " kept, " + d.path("skipped").asLong() + " skipped")
                        .then(s.link(" (retractions)", "/admin/retractions"));
                default -> {
                    actor(s, e).text(": " + e.type());
                    if (e.articleId() != null) {
                        s.text(" on ");
                        revision(s, e);
                    }
                }
            }
            return s.build();
        }

        private void completed(Sentence.Builder s, AuditEventView e) {
            JsonNode d = e.details();
            String task = d.path("task").asText();
            String decision = d.path("decision").asText();
            actor(s, e);
            switch (task + ":" + decision) {
                case "medicalReview:APPROVE" -> revision(s.text(" approved "), e).text(" in medical review");
                case "medicalReview:REQUEST_CHANGES" -> revision(s.text(" asked for changes to "), e);
                case "medicalReview:REJECT" -> revision(s.text(" rejected "), e);
                case "approvePublication:PUBLISH" -> revision(s.text(" approved the publication of "), e)
                        .text(d.hasNonNull("publishAt") ? ", scheduled for " + d.path("publishAt").asText() : "");
                case "approvePublication:RETURN_TO_WRITER", "resolvePlagiarism:RETURN_TO_WRITER" ->
                        revision(s.text(" returned "), e).text(" to its writer");
                case "resolvePlagiarism:DISMISS" -> revision(s.text(" let "), e).text(" through despite the plagiarism finding");
                case "triageReport:REOPEN_REVIEW" -> revision(s.text(" reopened review of "), e).text(" on a reader's report");
                case "triageReport:DISMISS" -> revision(s.text(" dismissed a reader's report on "), e);
                default -> task(s.text(" completed the "), e).text(" (" + decision.toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            }
            s.quote(d.path("comment").asText(null));
        }

        private void verdicts(Sentence.Builder s, AuditEventView e) {
            JsonNode given = e.details().path("verdicts");
            long verified = StreamSupport.stream(given.spliterator(), false).filter(v -> "VERIFIED".equals(v.path("verdict").asText())).count();
            actor(s, e).text(" checked the references of ");
            revision(s, e).text(": " + verified + " of " + given.size() + " verified");
            for (JsonNode v : given) {
                s.item("Reference " + v.path("reference").asInt() + ": " + v.path("verdict").asText().toLowerCase(Locale.ROOT)
                        + (v.hasNonNull("note") ? " — " + v.path("note").asText() : ""));
            }
        }

        private Sentence.Builder actor(Sentence.Builder s, AuditEventView e) {
            return switch (e.actor()) {
                case AuditTrail.SYSTEM -> s.text("The system");
                case AuditTrail.READER -> s.text("A reader");
                default -> person(s, e.actor());
            };
        }

        private Sentence.Builder person(Sentence.Builder s, String username) {
            StaffProfile p = people.get(username);
            return s.person(p == null ? username : p.signature(), username, p != null);
        }

        private Sentence.Builder article(Sentence.Builder s, AuditEventView e) {
            return e.articleId() == null ? s.text("an article") : s.article(titles.getOrDefault(e.articleId(), "article " + e.articleId()), e.articleId());
        }

        private Sentence.Builder revision(Sentence.Builder s, AuditEventView e) {
            if (e.revision() == null || e.articleId() == null) {
                return article(s, e);
            }
            s.link("revision " + e.revision(), "/articles/" + e.articleId() + "/revisions/" + e.revision());
            return article(s.text(" of "), e);
        }

        private Sentence.Builder task(Sentence.Builder s, AuditEventView e) {
            String words = TaskKind.ofKey(e.details().path("task").asText()).map(TaskKind::inSentence).orElse("task");
            return revision(s.text(words + " of "), e);
        }

        private static void capitalise(Sentence.Builder s) {
            s.capitaliseFirstLink();
        }

        private static String count(long n, String one) {
            return count(n, one, one + "s");
        }

        private static String count(long n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }

        private static String status(String status) {
            return status.toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        private static String because(String reason) {
            return switch (reason) {
                case "READER_REPORT" -> "on a reader's report";
                case "SCHEDULED_RE_REVIEW" -> "for its scheduled re-review";
                case "SUBMISSION" -> "on a new submission";
                default -> "";
            };
        }

        private static String field(String name) {
            return switch (name) {
                case "displayName" -> "Name";
                case "credentials" -> "Credentials";
                case "specialty" -> "Specialty";
                default -> name;
            };
        }

        private static String roles(JsonNode roles) {
            List<String> words = new ArrayList<>();
            for (JsonNode r : roles) {
                try {
                    words.add(PageModel.label(Role.valueOf(r.asText())).toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    words.add(r.asText());
                }
            }
            return words.isEmpty() ? "no role" : String.join(", ", words);
        }
    }
}
