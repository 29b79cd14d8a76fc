package com.imprimatur.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/** Drives the route over HTTP the way the demo users would, for tests. */
public final class Desk {

    private static final String[] WORDS = ("the patient may notice a change in breathing sleep appetite energy mood "
            + "and should talk with a clinician about dose timing or side effects before stopping any treatment").split(" ");

    private final Api api;

    public Desk(Api api) {
        this.api = api;
    }

    /**
     * Article content whose body shares no run of eight words with any other generated article, and
     * which passes the fact-check: it cites every reference in order, and carries a disclosure.
     */
    public static Map<String, Object> article(String title, int references) {
        String body = uniqueBody(60);
        if (references > 1) {
            body += " Further reading " + (references == 2 ? "(2)." : "(2-" + references + ").");
        }
        return article(title, body, references);
    }

    public static Map<String, Object> article(String title, String body, int references) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("summary", "A short summary of " + title);
        content.put("body", body);
        List<Map<String, Object>> refs = new ArrayList<>();
        for (int i = 1; i <= references; i++) {
            refs.add(Map.of("citation", "Example Author " + i + ". A study of things. J Examples. 2020;" + i + ":1-9.",
                    "doi", "10.5555/example." + i));
        }
        content.put("references", refs);
        content.put("disclosure", "The writer reports no sponsorship and no conflicts of interest.");
        content.put("changeNote", "written for a test");
        return content;
    }

    public static String uniqueBody(int words) {
        StringBuilder body = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < words; i++) {
            if (i % 4 == 3) {
                body.append("k").append(UUID.randomUUID().toString(), 0, 8);
            } else {
                body.append(WORDS[random.nextInt(WORDS.length)]);
            }
            body.append(i % 12 == 11 ? ". " : " ");
        }
        return body.toString().trim() + " (1).";
    }

    public static Map<String, Object> decision(String decision, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    public static Map<String, Object> approveAll(int references) {
        Map<String, Object> body = decision("APPROVE", "Checked every source.");
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (int i = 1; i <= references; i++) {
            verdicts.add(Map.of("reference", i, "verdict", "VERIFIED"));
        }
        body.put("referenceVerdicts", verdicts);
        return body;
    }

    /** Creates an article as {@code writer}; returns its JSON ({id, slug, revision, status}). */
    public JsonNode create(String writer, Map<String, Object> content) {
        Api.Answer created = api.post(writer, "/api/articles", content);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    /** Waits until {@code user}'s queue holds a task of that key for the article; returns its id. */
    public String awaitTask(String user, String queue, String key, long articleId) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Answer tasks = api.get(user, "/api/tasks?queue=" + queue + "&type=" + key);
            assertThat(tasks.status()).isEqualTo(200);
            for (JsonNode task : tasks.json()) {
                if (task.get("key").asText().equals(key) && task.get("articleId").asLong() == articleId) {
                    id.set(task.get("id").asText());
                    return true;
                }
            }
            return false;
        });
        return id.get();
    }

    public void claim(String user, String taskId) {
        Api.Answer claimed = api.post(user, "/api/tasks/" + taskId + "/claim", "");
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(200);
    }

    /** Claims the available task and completes it with the decision; asserts success. */
    public void decide(String user, String key, long articleId, Map<String, Object> decision) {
        String task = awaitTask(user, "available", key, articleId);
        claim(user, task);
        Api.Answer done = api.post(user, "/api/tasks/" + task + "/complete", decision);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
    }

    public JsonNode article(String user, long id) {
        Api.Answer answer = api.get(user, "/api/articles/" + id);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    public void awaitStatus(long articleId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> article("editor", articleId).get("status").asText().equals(status));
    }

    /** Takes a fresh article all the way to publication; returns its JSON. */
    public JsonNode publish(String writer, Map<String, Object> content, int references) {
        JsonNode created = create(writer, content);
        long id = created.get("id").asLong();
        decide("reviewer", "medicalReview", id, approveAll(references));
        decide("editor", "approvePublication", id, decision("PUBLISH", null));
        awaitStatus(id, "PUBLISHED");
        return created;
    }
}
