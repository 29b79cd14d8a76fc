package com.imprimatur.workflow;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.stereotype.Component;

/**
 * Engine hardening: our processes use no scripts, so the engine gets none. Camunda would otherwise
 * resolve a script language through the JDK's ScriptEngineManager (plus its own JUEL script
 * engine), and any engine a future dependency put on the class path (Groovy, GraalJS) would run
 * script tasks, script listeners and script conditions. With this resolver every script fails.
 */
@Component
class NoScripts extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setScriptEngineResolver(new Refusing());
    }

    private static final class Refusing implements ScriptEngineResolver {

        private final ScriptEngineManager none = new ScriptEngineManager(ClassLoader.getPlatformClassLoader());

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // no language is ever added
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return none;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            throw new ProcessEngineException("Scripts are disabled in Imprimatur's engine (language '" + language + "').");
        }
    }
}
