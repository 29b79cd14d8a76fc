package com.imprimatur.workflow;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Engine hardening: no task query evaluates an expression. Expressions in ad-hoc and stored queries
 * are off (application.yml), but Camunda 7.24.0 checks only a task query's own expressions and still
 * evaluates those of its {@code or} branches ({@code orQueries} over REST), against any bean. A task
 * query is the command that runs it, so this interceptor sees every one, whoever asks (the webapps'
 * REST API, a filter, our code), and refuses it when any branch holds an expression.
 */
@Component
class NoQueryExpressions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandGuards.add(configuration, Check::new);
    }

    private static final class Check extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof TaskQueryImpl query) {
                boolean expressions = !query.getExpressions().isEmpty()
                        || query.getQueries().stream().anyMatch(branch -> !branch.getExpressions().isEmpty());
                if (expressions) {
                    throw new BadUserRequestException("Expressions are forbidden in task queries (or-queries included).");
                }
            }
            return next.execute(command);
        }
    }
}
