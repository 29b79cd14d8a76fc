package com.imprimatur.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process engine of the model tests ({@link ModelTest}): built from plain Java once per test
 * JVM and shared by their classes, no Spring. History is FULL (the tests read what each instance
 * passed), the job executor is off (a test runs each job, an asynchronous step or a timer, itself),
 * the beans that the BPMN expressions name are {@link ModelStandIns}, and every file of
 * {@code processes/} is deployed exactly as it is on disk. Every sequence flow taken is recorded,
 * so a test can tell which flows no test walked.
 *
 * <p>The database is an in-memory H2: these tests test the models, not the database (docs/testing.md
 * has the timings against MariaDB that decided it).
 */
final class ModelEngine {

    private static final Logger log = LoggerFactory.getLogger(ModelEngine.class);

    static final ModelStandIns STAND_INS = new ModelStandIns();

    /** Process definition id → ids of the sequence flows taken by any instance of it. */
    private static final Map<String, Set<String>> TAKEN = new ConcurrentHashMap<>();

    private static ProcessEngine engine;

    private ModelEngine() {
    }

    static synchronized ProcessEngine get() {
        if (engine == null) {
            engine = build();
        }
        return engine;
    }

    static Set<String> flowsTaken(String processDefinitionId) {
        return TAKEN.getOrDefault(processDefinitionId, Set.of());
    }

    private static ProcessEngine build() {
        StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
        config.setJdbcUrl("jdbc:h2:mem:imprimatur-models;DB_CLOSE_DELAY=-1");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        config.setProcessEngineName("models");
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setJobExecutorActivate(false);
        config.setMetricsEnabled(false);
        config.setDbMetricsReporterActivate(false);
        config.setBeans(new HashMap<>(STAND_INS.beans()));
        config.setCustomPreBPMNParseListeners(List.of(new RecordTakenFlows()));
        long start = System.nanoTime();
        ProcessEngine built = config.buildProcessEngine();
        deployProcesses(built);
        log.info("Model engine on {} built and processes/ deployed in {} ms", config.getDatabaseType(), (System.nanoTime() - start) / 1_000_000);
        return built;
    }

    private static void deployProcesses(ProcessEngine built) {
        DeploymentBuilder deployment = built.getRepositoryService().createDeployment().name("processes");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("processes"), "*.bpmn")) {
            for (Path file : files) {
                deployment.addInputStream(file.getFileName().toString(), new ByteArrayInputStream(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read processes/", e);
        }
        deployment.deploy();
    }

    /** Adds a listener to every sequence flow that notes it as taken. */
    private static final class RecordTakenFlows extends AbstractBpmnParseListener {
        @Override
        public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
            String flow = transition.getId();
            transition.addExecutionListener(execution -> TAKEN
                    .computeIfAbsent(execution.getProcessDefinitionId(), id -> ConcurrentHashMap.newKeySet()).add(flow));
        }
    }
}
