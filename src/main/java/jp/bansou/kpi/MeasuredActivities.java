package jp.bansou.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A measure naming an activity its deployed model does not have would count nothing forever: the start refuses
 * it, naming the row. Models not deployed yet are reported as unmeasured instead.
 *
 * <p>The answer depends only on the measures and the deployments, so a restart with the same of both skips the
 * reading of every model (a sixth of what Bansō adds to a restart, docs/performance.md "Restart, sixth round"):
 * the last passed check is remembered as an engine property, keyed by the measures' activities, the number of
 * deployments and the newest one. A deployment added or deleted, or a measure changed, checks again.
 */
final class MeasuredActivities {

  private static final Logger LOG = LoggerFactory.getLogger(MeasuredActivities.class);
  static final String CHECKED = "bansou.kpi.measuredActivitiesChecked";

  private final RepositoryService repository;

  private MeasuredActivities(RepositoryService repository) {
    this.repository = repository;
  }

  /** Checks every time: for targets made by hand, as the tests do. */
  static void check(PlanTargets targets, RepositoryService repository) {
    new MeasuredActivities(repository).checkAll(targets);
  }

  /** Checks unless the engine remembers the same check passed against the same deployments. */
  static void checkUnlessUnchanged(PlanTargets targets, RepositoryService repository, ManagementService management) {
    String key = key(targets, repository);
    if (key.equals(management.getProperties().get(CHECKED))) {
      LOG.debug("KPI measures checked against these deployments before: not read again");
      return;
    }
    new MeasuredActivities(repository).checkAll(targets);
    try {
      management.setProperty(CHECKED, key);
    } catch (ProcessEngineException concurrent) {
      // two nodes starting together both insert the property: the check passed on each, the next start reads it
      LOG.info("KPI measures' check not remembered at this start (another node at the same time?): {}",
          concurrent.getMessage());
    }
  }

  /** What the check's answer depends on, as one short string (an engine property holds 300 characters). */
  static String key(PlanTargets targets, RepositoryService repository) {
    StringBuilder inputs = new StringBuilder();
    for (TargetRow row : targets.rows()) {
      Measure measure = row.measure();
      if (measure != null) {
        Measure of = row.rateOf() == null ? null : row.rateOf().cases();
        inputs.append(String.join("\u0000", row.id(), measure.process(), String.valueOf(measure.activity()),
            String.valueOf(measure.passed()), of == null ? "" : String.valueOf(of.activity()),
            of == null ? "" : String.valueOf(of.passed()))).append('\n');
      }
    }
    List<Deployment> newest = repository.createDeploymentQuery().orderByDeploymentTime().desc()
        .orderByDeploymentId().desc().listPage(0, 1);
    long deployments = repository.createDeploymentQuery().count();
    return sha256(inputs.toString()) + "/" + deployments + "/" + (newest.isEmpty() ? "" : newest.get(0).getId());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException everyJavaHasIt) {
      throw new IllegalStateException(everyJavaHasIt);
    }
  }

  private void checkAll(PlanTargets targets) {
    Set<String> processes = new HashSet<>();
    for (TargetRow row : targets.rows()) {
      if (row.measure() == null) {
        LOG.info("KPI row {} ({}) has no measure yet: reported as 未計測", row.id(), row.label());
      } else {
        processes.add(row.measure().process());
      }
    }
    Map<String, Set<String>> elementIds = latestModels(processes);
    for (TargetRow row : targets.rows()) {
      Measure measure = row.measure();
      if (measure == null) {
        continue;
      }
      Set<String> ids = elementIds.get(measure.process());
      if (ids == null) {
        LOG.info("KPI row {} ({}): model {} is not deployed: reported as 未計測", row.id(), row.label(),
            measure.process());
        continue;
      }
      Measure of = row.rateOf() == null ? null : row.rateOf().cases();
      List<String> activities = new ArrayList<>();
      activities.add(measure.activity());
      activities.add(measure.passed());
      activities.add(of == null ? null : of.activity());
      activities.add(of == null ? null : of.passed());
      for (String activity : activities) {
        if (activity != null && !ids.contains(activity)) {
          throw new PlanTargets.InvalidTargetsException("targets row '" + row.id() + "': model " + measure.process()
              + " has no activity " + activity);
        }
      }
    }
  }

  /**
   * The ids in the latest deployed model of each process, read as a stream from the deployments' stored files,
   * newest deployment first: a process's latest version is in the newest deployment that holds it. The check
   * above needs no more. A process-definition query would do the same at a restart's cost: the engine parses
   * each definition it returns to fetch its description (a DOM with schema validation), and building the engine's
   * model of each would parse it again into its deployment cache — seconds before the first request needs any of it
   * (docs/performance.md "Restart").
   */
  private Map<String, Set<String>> latestModels(Set<String> processes) {
    Map<String, Set<String>> found = new HashMap<>();
    for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
      if (found.keySet().containsAll(processes)) {
        break;
      }
      for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
        if (resource.endsWith(".bpmn") || resource.endsWith(".bpmn20.xml")) {
          Model model = model(deployment.getId(), resource);
          model.processIds().stream().filter(processes::contains)
              .forEach(process -> found.putIfAbsent(process, model.elementIds()));
        }
      }
    }
    return found;
  }

  private record Model(Set<String> processIds, Set<String> elementIds) {}

  private Model model(String deploymentId, String resource) {
    Set<String> processIds = new HashSet<>();
    Set<String> ids = new HashSet<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    try (InputStream xml = repository.getResourceAsStream(deploymentId, resource)) {
      XMLStreamReader reader = factory.createXMLStreamReader(xml);
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          String id = reader.getAttributeValue(null, "id");
          if (id != null) {
            ids.add(id);
            if ("process".equals(reader.getLocalName())) {
              processIds.add(id);
            }
          }
        }
      }
      reader.close();
    } catch (IOException | XMLStreamException e) {
      throw new IllegalStateException("cannot read model " + resource, e);
    }
    return new Model(processIds, ids);
  }
}
