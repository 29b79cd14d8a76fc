package com.imprimatur.bench;

import com.imprimatur.workflow.EngineHistory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;

/**
 * Phase (a) of bench/route.sh: the review route's own BPMN (processes/article-review.bpmn) on a bare
 * Camunda engine of its own (fresh database, history FULL, job executor on), its expressions and
 * delegates answered by no-op beans, driven through the Java API by {@code --clients} threads for
 * {@code --seconds}. Each cycle is what an editor's route does over HTTP: start, claim and complete
 * the medical review (APPROVE), wait for the asynchronous plagiarism check, claim and complete the
 * publication approval (PUBLISH), wait for the asynchronous publish job to end the instance.
 * Polls every {@code --poll} ms, as the HTTP driver does. Writes its figures as JSON to {@code --out}.
 */
public final class BareRoute {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = RouteLoad.options(args);
        int clients = Integer.parseInt(opts.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "25"));
        // by the node's rule (route.sh passes WARMUP and WARMUP_MAX to both; each side stops when its own JIT has
        // settled): a young JVM spends its cores compiling
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "5"));
        long poll = Long.parseLong(opts.getOrDefault("poll", "20"));
        String jdbc = opts.get("jdbc");
        String root = opts.getOrDefault("root-jdbc", "jdbc:mariadb://127.0.0.1:3306/?user=root");

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbc);
        pool.setMaximumPoolSize(20);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool.setAutoCommit(false);
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setDataSource(new HikariDataSource(pool));
        config.setDatabaseType("mysql");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        // --history=product: the history the product writes (workflow.EngineHistory) instead of plain FULL,
        // to tell how much of the product's ratio is history the yardstick writes and the product does not
        if ("product".equals(opts.getOrDefault("history", "full"))) {
            new EngineHistory().preInit(config);
        }
        config.setJobExecutorActivate(true);
        config.setBeans(new HashMap<>(Map.of("articleStatus", new NoStatus(), "reviewDeadline", new Deadline(),
                "runPlagiarismCheck", (JavaDelegate) e -> e.setVariable("plagiarismFlagged", false),
                "publishRevision", (JavaDelegate) e -> { }, "tellReviewDueSoon", (JavaDelegate) e -> { },
                "tellReviewOverdue", (JavaDelegate) e -> { })));
        ProcessEngine engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addString("article-review.bpmn",
                Files.readString(Path.of("processes/article-review.bpmn"))).deploy();

        RouteLoad.Tally tally = new RouteLoad.Tally();
        String self = String.valueOf(ProcessHandle.current().pid());
        Map<String, Object> warmedUp = RouteLoad.warmUp(self, warmup, Integer.parseInt(opts.getOrDefault("warmup-max", String.valueOf(warmup))),
                stretch -> run(engine, clients, stretch, poll, new RouteLoad.Tally()));
        RouteLoad.Sample before = RouteLoad.Sample.take(root, self);
        run(engine, clients, seconds, poll, tally);
        RouteLoad.Sample after = RouteLoad.Sample.take(root, self);
        engine.close();

        Map<String, Object> result = RouteLoad.phaseResult("bare engine, Java API, no-op delegates", "java", clients,
                seconds, tally, before, after);
        result.put("warmUp", warmedUp);
        System.out.println(RouteLoad.line(result, 0));
        RouteLoad.writeJson(Path.of(opts.get("out")), List.of(result));
    }

    private static void run(ProcessEngine engine, int clients, int seconds, long poll, RouteLoad.Tally tally) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        AtomicLong n = new AtomicLong();
        List<Future<?>> running = new java.util.ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(threads.submit(() -> {
                while (System.nanoTime() < end) {
                    cycle(engine, "bare-" + n.incrementAndGet(), poll, tally);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        threads.shutdown();
    }

    private static void cycle(ProcessEngine engine, String key, long poll, RouteLoad.Tally tally) throws Exception {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        long started = System.nanoTime();
        String instance = tally.time("start", () -> runtime.startProcessInstanceByKey("article-review", key,
                Map.of("writer", "writer", "revision", 1)).getId());
        Task review = await(tally, "task query", poll, () -> tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("medicalReview").singleResult());
        tally.time("claim", () -> { tasks.claim(review.getId(), "reviewer"); return null; });
        tally.time("complete medicalReview", () -> { tasks.complete(review.getId(), Map.of("medicalReviewDecision", "APPROVE")); return null; });
        Task approval = await(tally, "task query", poll, () -> tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("approvePublication").singleResult());
        tally.time("claim", () -> { tasks.claim(approval.getId(), "editor"); return null; });
        Map<String, Object> publish = new LinkedHashMap<>();
        publish.put("approvePublicationDecision", "PUBLISH");
        publish.put("approvePublicationAt", null);
        tally.time("complete approvePublication", () -> { tasks.complete(approval.getId(), publish); return null; });
        HistoryService history = engine.getHistoryService();
        await(tally, "instance query", poll, () -> history.createHistoricProcessInstanceQuery().processInstanceId(instance)
                .finished().singleResult());
        tally.cycle(System.nanoTime() - started);
    }

    private static <T> T await(RouteLoad.Tally tally, String call, long poll, java.util.concurrent.Callable<T> find) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            T found = tally.time(call, find);
            if (found != null) {
                return found;
            }
            Thread.sleep(poll);
        }
        throw new IllegalStateException("timed out waiting on the route (" + call + ")");
    }

    /** The status marks of the real route, as no-ops. */
    public static final class NoStatus {
        public void mark(DelegateExecution execution, String status) {
        }

        public void endedUnpublished(DelegateExecution execution) {
        }
    }

    public static final class Deadline {
        public Date fromNow() {
            return new Date(System.currentTimeMillis() + 7L * 24 * 3600 * 1000);
        }

        /** The reminder timer the route starts beside the medical review (a day before it is due). */
        public Date reminderFromNow() {
            return new Date(System.currentTimeMillis() + 6L * 24 * 3600 * 1000);
        }
    }
}
