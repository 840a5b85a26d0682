package jp.bansou.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The baseline of the throughput benchmark: copies of the case's models without Bansō's Java — no
 * execution or task listeners, service tasks that do nothing — deployed under {@code bare-<key>}, calling
 * each other's copies. What stays is the engine's own work: the same flow, tasks, timers, variables and
 * history, so the difference is what Bansō's listeners and delegates cost. The case's lessons
 * ({@code support-lessons}, which Bansō's listener starts when the analysis ends) are part of that flow: the
 * driver starts the bare copy itself ({@link CaseDriver}).
 */
final class BareModels {

  static final String PREFIX = "bare-";
  static final List<String> CASE_MODELS = List.of("management-analysis", "business-plan", "follow-up-visits",
      "specialist-referral", "support-lessons");

  static void deploy(RepositoryService repository) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name("bench-bare-models")
        .enableDuplicateFiltering(true);
    for (String key : CASE_MODELS) {
      try (InputStream bpmn = BareModels.class.getResourceAsStream("/bpmn/" + key + ".bpmn")) {
        deployment.addModelInstance(PREFIX + key + ".bpmn", strip(Bpmn.readModelFromStream(bpmn)));
      }
    }
    deployment.deploy();
  }

  static BpmnModelInstance strip(BpmnModelInstance model) {
    for (ExtensionElements extensions : model.getModelElementsByType(ExtensionElements.class)) {
      for (ModelElementInstance element : List.copyOf(extensions.getElements())) {
        if (element instanceof CamundaExecutionListener || element instanceof CamundaTaskListener) {
          extensions.removeChildElement(element);
        }
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.getCamundaDelegateExpression() != null || task.getCamundaClass() != null) {
        task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
        task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "class");
        task.setCamundaExpression("${null}");
      }
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      process.setId(PREFIX + process.getId());
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if (CASE_MODELS.contains(call.getCalledElement())) {
        call.setCalledElement(PREFIX + call.getCalledElement());
      }
    }
    return model;
  }

  private BareModels() {}
}
