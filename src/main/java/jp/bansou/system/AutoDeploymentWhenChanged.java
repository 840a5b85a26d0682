package jp.bansou.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentQuery;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Leaves out the starter's auto-deployment at a start whose models and forms are, name for name and byte for
 * byte, those the last auto-deployment was made from. The engine's own duplicate check reads back from the
 * database every resource the deployment's name ever held and compares them, on every start: about a sixth of a
 * second of a restart on H2, the largest single piece of work Bansō adds to the engine's start (docs/performance.md
 * "Restart, ninth round"; ADR 0118).
 *
 * <p>Remembered as an engine property: the digest of the resources and the id of the newest deployment of that
 * name after the start that deployed them. A file changed, added or removed, a deployment of the same name made
 * elsewhere (REST, Modeler) or the newest one deleted in Cockpit, each sends the start through the engine's check
 * exactly as before; so does a database that has never been told.
 */
@Component
class AutoDeploymentWhenChanged implements ProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AutoDeploymentWhenChanged.class);
  static final String DEPLOYED = "bansou.autoDeployment";

  private ProcessEngine engine;
  private String deployedAtThisStart;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  /** Runs after the engine is built and before the starter deploys (its last step of building the engine). */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (!(processEngine.getProcessEngineConfiguration() instanceof SpringTransactionsProcessEngineConfiguration spring)
        || spring.getDeploymentResources() == null || spring.getDeploymentResources().length == 0) {
      return;
    }
    engine = processEngine;
    String digest = digest(spring.getDeploymentResources());
    if (digest == null) {
      return;
    }
    String newest = newest(spring);
    if ((digest + "/" + newest).equals(processEngine.getManagementService().getProperties().get(DEPLOYED))) {
      spring.setDeploymentResources(new Resource[0]);
      LOG.info("Models and forms as deployed last time ({}): not compared again", newest);
    } else {
      deployedAtThisStart = digest;
    }
  }

  /** After the starter's deployment: what it was made from, and which deployment is now the newest of its name. */
  @EventListener(ApplicationStartedEvent.class)
  void remember() {
    if (deployedAtThisStart == null) {
      return;
    }
    var spring = (SpringTransactionsProcessEngineConfiguration) engine.getProcessEngineConfiguration();
    try {
      engine.getManagementService().setProperty(DEPLOYED, deployedAtThisStart + "/" + newest(spring));
    } catch (ProcessEngineException concurrent) {
      // two nodes starting together both insert the property: each deployed through the engine's check, and the
      // next start compares again
      LOG.info("Auto-deployment not remembered at this start (another node at the same time?): {}",
          concurrent.getMessage());
    }
    deployedAtThisStart = null;
  }

  private String newest(SpringTransactionsProcessEngineConfiguration spring) {
    DeploymentQuery query = engine.getRepositoryService().createDeploymentQuery()
        .deploymentName(spring.getDeploymentName());
    query = spring.getDeploymentTenantId() == null ? query.withoutTenantId()
        : query.tenantIdIn(spring.getDeploymentTenantId());
    List<Deployment> newest = query.orderByDeploymentTime().desc().orderByDeploymentId().desc().listPage(0, 1);
    return newest.isEmpty() ? "" : newest.get(0).getId();
  }

  /**
   * Each resource's name, as the starter names it in the deployment, and its bytes, in the order of the names;
   * {@code null} when one cannot be read (the starter then fails on it with its own message).
   */
  static String digest(Resource[] resources) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      // each name worked out once: for a file inside the jar it costs a failed getFile()
      List<Named> sorted = Arrays.stream(resources).map(resource -> new Named(nameInDeployment(resource), resource))
          .sorted(Comparator.comparing(Named::name)).toList();
      for (Named named : sorted) {
        sha256.update((named.name() + "\u0000").getBytes(UTF_8));
        try (InputStream in = named.resource().getInputStream()) {
          byte[] bytes = in.readAllBytes();
          sha256.update((bytes.length + "\u0000").getBytes(UTF_8));
          sha256.update(bytes);
        }
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (IOException unreadable) {
      return null;
    } catch (NoSuchAlgorithmException everyJavaHasIt) {
      throw new IllegalStateException(everyJavaHasIt);
    }
  }

  private record Named(String name, Resource resource) {}

  /** The name {@code SpringTransactionsProcessEngineConfiguration.autoDeployResources} gives a resource. */
  private static String nameInDeployment(Resource resource) {
    if (resource instanceof ContextResource context) {
      return context.getPathWithinContext();
    }
    if (resource instanceof ByteArrayResource) {
      return resource.getDescription();
    }
    try {
      return resource.getFile().getAbsolutePath();
    } catch (IOException notAFile) {
      return String.valueOf(resource.getFilename());
    }
  }
}
