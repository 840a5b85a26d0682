package jp.bansou.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Checks, after a test class, that its cases passed through every flow node of the given models,
 * reading the engine's history. Only cases handed to {@link #track} count: the test database outlives
 * a run and is shared with other classes, so "all history" would hide a node no test reaches any more.
 * Tracking a case counts everything it called (business plan, referral…) as well.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final FlowNodeCoverage coverage = FlowNodeCoverage.of("management-analysis");
 * ...
 * ProcessInstance analysis = coverage.track(runtimeService.startProcessInstanceByKey(...));
 * </pre>
 */
public final class FlowNodeCoverage implements AfterAllCallback {

  // One set for the whole run, so a case started by one class may also cover the models another calls.
  private static final Set<String> TRACKED_ROOTS = ConcurrentHashMap.newKeySet();

  private final List<String> processDefinitionKeys;

  private FlowNodeCoverage(List<String> processDefinitionKeys) {
    this.processDefinitionKeys = processDefinitionKeys;
  }

  /** Asserts, after the class, full coverage of these models. */
  public static FlowNodeCoverage of(String... processDefinitionKeys) {
    return new FlowNodeCoverage(Arrays.asList(processDefinitionKeys));
  }

  public ProcessInstance track(ProcessInstance instance) {
    TRACKED_ROOTS.add(instance.getRootProcessInstanceId());
    return instance;
  }

  /** Flow nodes of the latest version of the model that no tracked case has passed through. */
  public static Set<String> uncoveredFlowNodes(ProcessEngine engine, String processDefinitionKey) {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processDefinitionKey).latestVersion().singleResult();
    assertThat(definition).as("deployed model %s", processDefinitionKey).isNotNull();

    Set<String> uncovered = new TreeSet<>();
    for (FlowNode node : engine.getRepositoryService().getBpmnModelInstance(definition.getId())
        .getModelElementsByType(FlowNode.class)) {
      uncovered.add(node.getId());
    }
    HistoryService history = engine.getHistoryService();
    for (String root : TRACKED_ROOTS) {
      for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
          .rootProcessInstanceId(root).processDefinitionId(definition.getId()).list()) {
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId()).list()) {
          uncovered.remove(activity.getActivityId());
        }
      }
    }
    return uncovered;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // A @Nested class inherits the extension; its cases count for the enclosing class, which checks
    // after all of them (the nested class may run in its own context, e.g. with mail switched on).
    if (context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
      return;
    }
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    for (String key : processDefinitionKeys) {
      assertThat(uncoveredFlowNodes(engine, key))
          .as("flow nodes of %s that no test of %s passed through", key, context.getDisplayName())
          .isEmpty();
    }
  }
}
