package jp.bansou.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Camunda Modeler needs to open a model exactly as committed, and what Tasklist needs to show its
 * forms. The linter (.ci/lint-models) checks the same models against the Modeler's own rules; this test
 * runs with every build and names the file and element at fault.
 */
@EngineTest
class ModelerCompatibilityTest {

  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  private static final Set<String> INPUT_TYPES = Set.of(
      "textfield", "textarea", "number", "datetime", "checkbox", "checklist", "radio", "select", "taglist",
      "filepicker", "expression");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProcessEngineConfiguration engineConfiguration;

  @Test
  void everyModelTargetsCamunda724AndKeepsItsHistoryForTenYears() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      var definitions = model.getDefinitions().getDomElement();
      if (!"Camunda Platform".equals(definitions.getAttribute(MODELER_NS, "executionPlatform"))) {
        problems.add(file + ": modeler:executionPlatform is not \"Camunda Platform\"");
      }
      if (!"7.24.0".equals(definitions.getAttribute(MODELER_NS, "executionPlatformVersion"))) {
        problems.add(file + ": modeler:executionPlatformVersion is not \"7.24.0\"");
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": process " + process.getId() + " has no camunda:historyTimeToLive");
        }
        if (!process.isExecutable()) {
          problems.add(file + ": process " + process.getId() + " is not executable");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyElementOfEveryModelHasItsShapeOrEdge() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> drawn = new HashSet<>();
      for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
        drawn.add(shape.getBpmnElement().getId());
      }
      for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
        drawn.add(edge.getBpmnElement().getId());
        if (edge.getWaypoints().size() < 2) {
          problems.add(file + ": edge of " + edge.getBpmnElement().getId() + " has fewer than two waypoints");
        }
      }
      List<BaseElement> visible = new ArrayList<>();
      visible.addAll(model.getModelElementsByType(FlowElement.class));
      visible.addAll(model.getModelElementsByType(Artifact.class));
      visible.addAll(model.getModelElementsByType(Participant.class));
      visible.addAll(model.getModelElementsByType(Lane.class));
      for (BaseElement element : visible) {
        // a data object is the invisible holder of data object references, which are drawn
        if (!(element instanceof DataObject) && !drawn.contains(element.getId())) {
          problems.add(file + ": " + element.getElementType().getTypeName() + " " + element.getId() + " is not drawn");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormIsACamundaFormWithAUniqueIdAndKeyedFields() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Path> formIds = new HashMap<>();
    for (Path file : files("forms", ".form")) {
      JsonNode form;
      try {
        form = JSON.readTree(file.toFile());
      } catch (IOException e) {
        problems.add(file + ": not JSON: " + e.getMessage());
        continue;
      }
      if (!"default".equals(form.path("type").asText())) {
        problems.add(file + ": type is not \"default\"");
      }
      String id = form.path("id").asText();
      if (id.isBlank()) {
        problems.add(file + ": no id");
      } else if (formIds.putIfAbsent(id, file) != null) {
        problems.add(file + ": id " + id + " is also the id of " + formIds.get(id));
      }
      if (!form.path("components").isArray() || form.path("components").isEmpty()) {
        problems.add(file + ": no components");
      }
      checkComponents(file, form.path("components"), new HashSet<>(), problems);
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormReferenceNamesADeployedForm() throws IOException {
    var commands = ((ProcessEngineConfigurationImpl) engineConfiguration).getCommandExecutorTxRequired();
    List<String> problems = new ArrayList<>();
    for (Path file : files("bpmn", ".bpmn")) {
      for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        if (formRef == null) {
          continue;
        }
        if (!"latest".equals(task.getCamundaFormRefBinding())) {
          problems.add(file + ": " + task.getId() + " binds form " + formRef + " other than \"latest\"");
        }
        CamundaFormDefinitionEntity form = commands.execute(
            context -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formRef));
        if (form == null) {
          problems.add(file + ": " + task.getId() + " names form " + formRef + ", which is not deployed");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void checkComponents(Path file, JsonNode components, Set<String> keys, List<String> problems) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String label = component.path("id").asText(type);
      if (type.isBlank()) {
        problems.add(file + ": component " + label + " has no type");
      }
      if (INPUT_TYPES.contains(type)) {
        String key = component.path("key").asText();
        if (key.isBlank()) {
          problems.add(file + ": " + type + " " + label + " has no key");
        } else if (!keys.add(key)) {
          problems.add(file + ": key " + key + " is used twice");
        }
      }
      if (component.has("components")) {
        checkComponents(file, component.path("components"), keys, problems);
      }
    }
  }

  private static List<Path> files(String folder, String extension) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
    }
  }
}
