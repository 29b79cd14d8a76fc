package com.imprimatur.workflow;

import org.camunda.bpm.engine.RepositoryService;

/**
 * The latest deployed version of one process, to start instances by id. Starting by key asks the
 * database for the latest version on every start (a join with a grouped subquery); it changes only
 * when a node deploys a new version, so it is looked up once a minute: a new version is started by
 * every node within a minute of its deployment.
 */
final class LatestDefinition {

    /** How long a looked-up version is trusted. */
    static final long TRUSTED_MILLIS = 60_000;

    private final RepositoryService repository;
    private final String key;
    private volatile Found found;

    private record Found(String id, long at) {
    }

    LatestDefinition(RepositoryService repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    String id() {
        long now = System.currentTimeMillis();
        Found known = found;
        if (known == null || now - known.at() > TRUSTED_MILLIS) {
            known = new Found(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult().getId(), now);
            found = known;
        }
        return known.id();
    }
}
