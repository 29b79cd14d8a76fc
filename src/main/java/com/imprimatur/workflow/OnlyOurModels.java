package com.imprimatur.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Engine hardening: the engine runs only the models of {@code processes/}, auto-deployed at start.
 * A deployment can evaluate expressions against any bean, so a new deployment is accepted only
 * when every one of its resources is, byte for byte, one of the resources the engine auto-deploys
 * (whatever its name: redeploying our own models is harmless); nothing is ever deleted (deployments,
 * process definitions). It holds for every caller of the engine: the Camunda webapps' REST API
 * (which {@code SecurityConfig} refuses before it gets here), the Java API and any future REST API.
 */
@Component
class OnlyOurModels extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(new Check(configuration));
        configuration.setCustomPreDeployers(deployers);
        CommandGuards.add(configuration, NoDeletion::new);
    }

    /** Every new deployment's resources must be the engine's auto-deployed resources. */
    private static final class Check implements Deployer {

        private final ProcessEngineConfigurationImpl configuration;
        private volatile Set<String> ours;

        Check(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return; // a deployment read back into the cache, once accepted
            }
            for (ResourceEntity resource : deployment.getResources().values()) {
                if (!ours().contains(sha256(resource.getBytes()))) {
                    throw new ProcessEngineException("Deployment refused: the engine runs only Imprimatur's own models "
                            + "(processes/, deployed at start); '" + resource.getName() + "' is not one of them.");
                }
            }
        }

        /** Read when the first deployment comes: the starter sets the resources during the engine's configuration. */
        private Set<String> ours() {
            if (ours == null) {
                Set<String> digests = new HashSet<>();
                if (configuration instanceof SpringProcessEngineConfiguration spring && spring.getDeploymentResources() != null) {
                    for (Resource resource : spring.getDeploymentResources()) {
                        try (InputStream in = resource.getInputStream()) {
                            digests.add(sha256(in.readAllBytes()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                ours = Set.copyOf(digests);
            }
            return ours;
        }
    }

    /** Deleting a deployment or a process definition is refused, whoever asks. */
    private static final class NoDeletion extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof DeleteDeploymentCmd || command instanceof DeleteProcessDefinitionsByIdsCmd
                    || command instanceof DeleteProcessDefinitionsByKeyCmd) {
                throw new ProcessEngineException("Refused: Imprimatur's models are never deleted from the engine.");
            }
            return next.execute(command);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
