package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Two physicians claim the same review at the same moment: exactly one wins, the other gets 409. */
class ClaimRaceHttpTest extends IntegrationTest {

    @Test
    void exactlyOneOfTwoSimultaneousClaimsWins() throws Exception {
        Api api = api();
        Desk desk = new Desk(api);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long id = desk.create("writer", Desk.article("Race " + round + " on flu vaccines", 1)).get("id").asLong();
                String task = desk.awaitTask("reviewer", "available", "medicalReview", id);
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Api.Answer>> claims = new ArrayList<>();
                for (String user : new String[] {"reviewer", "reviewer2"}) {
                    claims.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return api.post(user, "/api/tasks/" + task + "/claim", "");
                    }, pool));
                }
                start.countDown();
                List<Integer> statuses = claims.stream().map(CompletableFuture::join).map(Api.Answer::status).sorted().toList();
                assertThat(statuses).as("round " + round).containsExactly(200, 409);
                String holder = claims.stream().map(CompletableFuture::join).filter(a -> a.status() == 200)
                        .findFirst().orElseThrow().json().get("assignee").asText();
                String loser = holder.equals("reviewer") ? "reviewer2" : "reviewer";
                assertThat(api.get(holder, "/api/tasks?queue=mine").json().findValuesAsText("id")).contains(task);
                assertThat(api.get(loser, "/api/tasks?queue=mine").json().findValuesAsText("id")).doesNotContain(task);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
