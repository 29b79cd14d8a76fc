package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The objects the authorization matrix calls its endpoints on, made over HTTP through the real
 * route as the demo users: every article is written by {@code writer}, reviewed by {@code reviewer},
 * and its editorial tasks taken by {@code editor}. Made all at once before the matrix runs, a few
 * at a time, since most of the time goes to waiting for the engine's jobs.
 */
final class MatrixObjects {

    /** What a row of the matrix is called on. */
    enum Kind {
        DRAFT("draft", MatrixObjects::inReview),
        REJECTED("rejected", MatrixObjects::rejected),
        PUBLISHED("published", MatrixObjects::published),
        /** A published article of its own, for rows that take it offline. */
        LIVE("live", MatrixObjects::publishedArticle),
        REVIEW("review", MatrixObjects::inReview),
        REVIEW_CLAIMED("review@reviewer", MatrixObjects::claimedReview),
        REVISE("revise", MatrixObjects::revise),
        APPROVAL("approval", o -> o.approval(false)),
        APPROVAL_CLAIMED("approval@editor", o -> o.approval(true)),
        PLAGIARISM("plagiarism", o -> o.plagiarism(false)),
        PLAGIARISM_CLAIMED("plagiarism@editor", o -> o.plagiarism(true)),
        TRIAGE("triage", o -> o.triage(false)),
        TRIAGE_CLAIMED("triage@editor", o -> o.triage(true)),
        USER("user", MatrixObjects::user),
        /** An API token of {@code writer}'s (its id in {id}). */
        TOKEN("token", MatrixObjects::token),
        /** A webhook endpoint an admin registered (its id in {id}). */
        WEBHOOK("webhook", MatrixObjects::webhook);

        final String label;
        private final Function<MatrixObjects, Target> make;

        Kind(String label, Function<MatrixObjects, Target> make) {
            this.label = label;
            this.make = make;
        }

        static Kind of(String label) {
            return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no object '" + label + "' in MatrixObjects.Kind"));
        }
    }

    /** One object: an article (with its slug), the open task on it where there is one, or a user. */
    record Target(long articleId, String slug, String taskId, String taskKey, String username) {

        static Target article(JsonNode article) {
            return new Target(article.get("id").asLong(), article.get("slug").asText(), null, null, null);
        }

        Target task(String id, String key) {
            return new Target(articleId, slug, id, key, username);
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final AtomicInteger READERS = new AtomicInteger();

    private final Caller writer;
    private final Caller reviewer;
    private final Caller editor;
    private final Caller admin;
    private final Map<Kind, Target> shared = new EnumMap<>(Kind.class);
    private final Map<Kind, Deque<Target>> fresh = new EnumMap<>(Kind.class);
    private String sourceText;
    private CompletableFuture<Target> published;

    MatrixObjects(Caller writer, Caller reviewer, Caller editor, Caller admin) {
        this.writer = writer;
        this.reviewer = reviewer;
        this.editor = editor;
        this.admin = admin;
    }

    /** Makes one shared object of each kind in {@code shared} and {@code fresh.get(kind)} fresh ones. */
    void prepare(Iterable<Kind> sharedKinds, Map<Kind, Integer> freshCounts) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            sourceText = registerSource();
            published = CompletableFuture.supplyAsync(this::publishedArticle, pool);
            Map<Kind, CompletableFuture<Target>> one = new EnumMap<>(Kind.class);
            for (Kind kind : sharedKinds) {
                one.put(kind, kind == Kind.PUBLISHED ? published : CompletableFuture.supplyAsync(() -> kind.make.apply(this), pool));
            }
            Map<Kind, List<CompletableFuture<Target>>> many = new EnumMap<>(Kind.class);
            freshCounts.forEach((kind, n) -> many.put(kind, IntStream.range(0, n)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> kind.make.apply(this), pool)).toList()));
            one.forEach((kind, future) -> shared.put(kind, future.join()));
            many.forEach((kind, futures) -> fresh.put(kind, new ArrayDeque<>(futures.stream().map(CompletableFuture::join).toList())));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The object of that kind every read-only row shares. */
    Target shared(Kind kind) {
        return shared.computeIfAbsent(kind, k -> k.make.apply(this));
    }

    /** An object of that kind made for one cell (or one row) alone. */
    Target fresh(Kind kind) {
        Deque<Target> made = fresh.get(kind);
        return made == null || made.isEmpty() ? kind.make.apply(this) : made.pop();
    }

    /** A unique number for names, addresses and texts the matrix sends. */
    static int serial() {
        return SERIAL.incrementAndGet();
    }

    /** An address of its own for each reader's post (their limits are per address; TEST-NET-2). */
    static String readerAddress() {
        int n = READERS.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
    }

    static String username() {
        return "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // the factories, one per kind

    private Target inReview() {
        return inReview(Desk.article("Matrix article " + serial(), 1));
    }

    private Target inReview(Map<String, Object> content) {
        Api.Answer created = writer.post("/api/articles", content);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return awaitTask(Target.article(created.json()), "medicalReview");
    }

    private Target claimedReview() {
        return claimed(reviewer, inReview());
    }

    private Target rejected() {
        Target review = claimedReview();
        complete(reviewer, review, Desk.decision("REJECT", "Not supported by its sources."));
        return review.task(null, null);
    }

    private Target revise() {
        Target review = claimedReview();
        complete(reviewer, review, Desk.decision("REQUEST_CHANGES", "Name the population this applies to."));
        return awaitTask(review, "revise");
    }

    private Target approval(boolean claimed) {
        return approved(claimedReview(), "approvePublication", claimed);
    }

    private Target plagiarism(boolean claimed) {
        List<String> words = List.of(sourceText.split(" "));
        String body = Desk.uniqueBody(40) + " " + String.join(" ", words.subList(10, 50)) + " " + Desk.uniqueBody(40);
        Target review = claimed(reviewer, inReview(Desk.article("Matrix borrowing " + serial(), body, 1)));
        return approved(review, "resolvePlagiarism", claimed);
    }

    private Target approved(Target review, String next, boolean claimed) {
        complete(reviewer, review, Desk.approveAll(1));
        Target task = awaitTask(review, next);
        return claimed ? claimed(editor, task) : task;
    }

    private Target publishedArticle() {
        Target approval = approval(true);
        complete(editor, approval, Desk.decision("PUBLISH", null));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> editor.get("/api/articles/" + approval.articleId()).json().get("status").asText().equals("PUBLISHED"));
        return approval.task(null, null);
    }

    private Target published() {
        return published == null ? publishedArticle() : published.join();
    }

    /** A reader's report on the published article, and the editors' triage task it opened. */
    private Target triage(boolean claimed) {
        Target article = published();
        Api.Answer filed = editor.api("POST", "/api/public/articles/" + article.slug() + "/feedback",
                Map.of("reason", "OUTDATED", "comment", "Matrix report " + serial()), Map.of("X-Forwarded-For", readerAddress()));
        assertThat(filed.status()).as(filed.text()).isEqualTo(202);
        String reportId = filed.json().get("reportId").asText();
        String task = null;
        Api.Answer first = editor.get("/api/tasks?queue=available&type=triageReport&size=200");
        int pages = (Integer.parseInt(first.header("X-Total-Count")) + 199) / 200;
        for (int page = pages - 1; page >= 0 && task == null; page--) {
            for (JsonNode t : editor.get("/api/tasks?queue=available&type=triageReport&size=200&page=" + page).json()) {
                if (reportId.equals(t.path("reportId").asText())) {
                    task = t.get("id").asText();
                }
            }
        }
        assertThat(task).as("the triage task of report " + reportId).isNotNull();
        Target triage = article.task(task, "triageReport");
        return claimed ? claimed(editor, triage) : triage;
    }

    private Target user() {
        String name = username();
        Api.Answer created = admin.post("/api/admin/users", Map.of("username", name, "displayName", "Matrix Person",
                "roles", List.of("WRITER"), "password", "matrix-password-1"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Target(0, null, null, null, name);
    }

    private Target token() {
        Api.Answer created = writer.post("/api/me/tokens", Map.of("name", "Matrix token " + serial()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Target(created.json().get("id").asLong(), null, null, null, null);
    }

    private Target webhook() {
        Api.Answer created = admin.post("/api/admin/webhooks", Map.of("url", "http://127.0.0.1:9/matrix-" + serial(),
                "events", List.of("article.published")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Target(created.json().get("id").asLong(), null, null, null, null);
    }

    private String registerSource() {
        String text = "Matrix source. " + Desk.uniqueBody(80);
        Api.Answer created = editor.post("/api/sources", Map.of("title", "Matrix source " + serial(), "text", text));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return text;
    }

    // the route's steps

    private static Target claimed(Caller who, Target task) {
        Api.Answer claimed = who.post("/api/tasks/" + task.taskId() + "/claim", "");
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
        return task;
    }

    private static void complete(Caller who, Target task, Map<String, Object> decision) {
        Api.Answer done = who.post("/api/tasks/" + task.taskId() + "/complete", decision);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
    }

    /** Waits until the article's cycle has an open task of that key. */
    private Target awaitTask(Target article, String key) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode task : editor.get("/api/articles/" + article.articleId()).json().get("openTasks")) {
                if (task.get("key").asText().equals(key)) {
                    id.set(task.get("id").asText());
                    return true;
                }
            }
            return false;
        });
        return article.task(id.get(), key);
    }
}
