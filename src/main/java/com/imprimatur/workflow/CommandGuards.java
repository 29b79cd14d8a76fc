package com.imprimatur.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Puts a guard in front of every command the engine runs, in both of its chains (each gets its own instance: an interceptor holds its next). */
final class CommandGuards {

    private CommandGuards() {
    }

    static void add(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> guard) {
        configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired(), guard));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), guard));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> present, Supplier<CommandInterceptor> guard) {
        List<CommandInterceptor> interceptors = present == null ? new ArrayList<>() : new ArrayList<>(present);
        interceptors.add(guard.get());
        return interceptors;
    }
}
