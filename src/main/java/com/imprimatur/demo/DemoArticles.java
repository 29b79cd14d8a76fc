package com.imprimatur.demo;

import com.imprimatur.route.Decision;
import com.imprimatur.route.TaskKind;
import com.imprimatur.article.ArticleService;
import com.imprimatur.article.ArticleView;
import com.imprimatur.article.RevisionContent;
import com.imprimatur.article.RevisionContent.Source;
import com.imprimatur.feedback.FeedbackIntake;
import com.imprimatur.feedback.FeedbackRequest;
import com.imprimatur.review.DecisionRequest;
import com.imprimatur.review.Verdict;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.workflow.TaskDesk;
import com.imprimatur.workflow.TaskView;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A few articles of our own writing in different states: one published (with a reader's report
 * waiting for triage), one waiting for a physician, one sent back to its writer. Seeded once, on an empty database, after start-up
 * (the engine's job executor runs the plagiarism check only once the application is ready).
 */
@Component
@ConditionalOnProperty("imprimatur.demo.articles")
@Profile("!prod") // and ProductionProfileCheck refuses prod with the demo data on
class DemoArticles {

    private static final Logger log = LoggerFactory.getLogger(DemoArticles.class);

    private static final StaffMember WRITER = new StaffMember("writer", EnumSet.of(Role.WRITER));
    private static final StaffMember WRITER2 = new StaffMember("writer2", EnumSet.of(Role.WRITER));
    private static final StaffMember REVIEWER = new StaffMember("reviewer", EnumSet.of(Role.MEDICAL_REVIEWER));
    private static final StaffMember EDITOR = new StaffMember("editor", EnumSet.of(Role.EDITOR));

    private final ArticleService articles;
    private final TaskDesk desk;
    private final FeedbackIntake feedback;
    private final JdbcTemplate jdbc;

    DemoArticles(ArticleService articles, TaskDesk desk, FeedbackIntake feedback, JdbcTemplate jdbc) {
        this.articles = articles;
        this.desk = desk;
        this.feedback = feedback;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!articles.list(EDITOR, false, null).isEmpty()) {
            return;
        }
        // nodes started together: the one whose claim lands seeds, once for the database
        if (jdbc.update("insert ignore into done_once (name, done_by, done_at) values ('demo-articles', ?, utc_timestamp(6))",
                ManagementFactory.getRuntimeMXBean().getName()) == 0) {
            return;
        }
        Thread seeding = new Thread(this::seedArticles, "demo-articles");
        seeding.setDaemon(true);
        seeding.start();
    }

    private void seedArticles() {
        try {
            ArticleView hydration = articles.create(WRITER, hydration());
            approve(hydration.id(), 3);
            TaskView approval = await(EDITOR, TaskKind.APPROVE_PUBLICATION, hydration.id());
            desk.claim(EDITOR, approval.id());
            desk.complete(EDITOR, approval.id(), new DecisionRequest(Decision.PUBLISH.name(), "Ready for readers.", null, null));

            awaitPublished(hydration.id());
            feedback.submit(hydration.slug(), new FeedbackRequest("OUTDATED",
                    "Guidance on electrolyte drinks has changed since this was written.", null, null, null), "192.0.2.10");

            articles.create(WRITER, allergies());

            ArticleView sleep = articles.create(WRITER2, sleep());
            TaskView review = await(REVIEWER, TaskKind.MEDICAL_REVIEW, sleep.id());
            desk.claim(REVIEWER, review.id());
            desk.complete(REVIEWER, review.id(), new DecisionRequest(Decision.REQUEST_CHANGES.name(),
                    "Please say that the seven-to-nine-hour range is for adults, and cite a source for the snoring paragraph.",
                    null, null));
            log.info("Demo articles seeded");
        } catch (RuntimeException e) {
            log.warn("Seeding the demo articles stopped: {}", e.getMessage(), e);
        }
    }

    private void approve(long articleId, int references) {
        TaskView review = await(REVIEWER, TaskKind.MEDICAL_REVIEW, articleId);
        desk.claim(REVIEWER, review.id());
        List<DecisionRequest.ReferenceVerdictRequest> verdicts = IntStream.rangeClosed(1, references)
                .mapToObj(n -> new DecisionRequest.ReferenceVerdictRequest(n, Verdict.VERIFIED, null)).toList();
        desk.complete(REVIEWER, review.id(), new DecisionRequest(Decision.APPROVE.name(), "Accurate and well sourced.", verdicts, null));
    }

    private void awaitPublished(long articleId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (articles.get(EDITOR, articleId).publishedRevision() == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Article " + articleId + " was not published");
            }
            sleep(250);
        }
    }

    private TaskView await(StaffMember who, TaskKind kind, long articleId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            var found = desk.available(who).stream()
                    .filter(t -> kind.is(t.key()) && t.articleId() == articleId).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep(250);
        }
        throw new IllegalStateException("No " + kind.key() + " task for article " + articleId + " appeared");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static RevisionContent hydration() {
        return new RevisionContent("Staying hydrated in hot weather",
                "How much to drink when it is hot, who is most at risk, and the warning signs of heat illness.",
                """
                When the weather turns hot, the body cools itself mostly by sweating, and every litre of sweat has to be \
                replaced. Most healthy adults manage this by drinking when thirsty and with meals (1).

                ## Who needs to take more care

                Older adults often feel thirst later than younger people, and infants cannot ask for a drink. People who \
                take diuretics or who have heart or kidney disease should ask their clinician how much fluid is right \
                for them, because the usual advice may not fit (2).

                ## Warning signs

                Dizziness, a headache that will not go away, dark urine and muscle cramps can mean the body is falling \
                behind. Confusion, hot dry skin or fainting are signs of heat stroke, which is an emergency (3).
                """,
                List.of(new Source("Example Health Survey Group. Fluid intake of adults in summer. J Hydration Stud. 2021;4:12-19.", null, null, null),
                        new Source("Example Cardiology Collaborative. Fluid advice for patients on diuretics. Heart Care Notes. 2020;9:101-107.", null, null, null),
                        new Source("Example Emergency Medicine Network. Recognising heat stroke. Emerg Med Briefs. 2022;15:33-38.", null, null, null)),
                "The writer and reviewer report no conflicts of interest.", "First version");
    }

    private static RevisionContent allergies() {
        return new RevisionContent("Understanding seasonal allergies",
                "Why pollen makes some people sneeze each spring, and what tends to help.",
                """
                Seasonal allergic rhinitis happens when the immune system treats harmless pollen as a threat. Tree \
                pollen is usually the first to arrive in spring, followed by grasses in early summer and weeds in \
                late summer (1).

                Keeping windows closed on high-pollen days, showering after time outdoors and using saline rinses can \
                reduce symptoms. Antihistamines and steroid nasal sprays are widely used; a pharmacist can help choose \
                between them (2).
                """,
                List.of(new Source("Example Allergy Society. Pollen calendars in temperate climates. Allergy Rev. 2019;7:44-52.", null, null, null),
                        new Source("Example Primary Care Forum. Managing hay fever in the community. Fam Pract Notes. 2023;11:5-9.", null, null, null)),
                null, "First version");
    }

    private static RevisionContent sleep() {
        return new RevisionContent("Sleep and blood pressure",
                "What short or broken sleep does to blood pressure, and simple habits that help.",
                """
                During healthy sleep, blood pressure falls by around a tenth compared with the daytime. When sleep is \
                short or broken, that night-time dip can shrink, and over years this is linked with higher daytime \
                blood pressure (1).

                Most people do best with seven to nine hours. Loud snoring with pauses in breathing can be a sign of \
                sleep apnoea, which is treatable and worth raising with a doctor.
                """,
                List.of(new Source("Example Sleep Research Consortium. Nocturnal dipping and sleep duration. Sleep Health Rep. 2020;3:77-85.", null, null, null)),
                null, "First version");
    }

}
