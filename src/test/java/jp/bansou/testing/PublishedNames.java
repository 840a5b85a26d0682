package jp.bansou.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** Checks for the tracks' published names (…Names classes): what others read of a track must be in its model. */
public final class PublishedNames {

  private PublishedNames() {}

  /**
   * Each process's model in {@code bpmn/} defines exactly that process, and each published variable stands as a
   * whole word in those models or in a form of {@code forms/} (the case file and the demo year read it by name).
   */
  public static void assertInModelsOrForms(List<String> processes, Collection<String> variables) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String process : processes) {
      Path model = Path.of("bpmn", process + ".bpmn");
      assertThat(Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(Process.class))
          .extracting(Process::getId).containsExactly(process);
      text.append(Files.readString(model));
    }
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        text.append(Files.readString(form));
      }
    }
    for (String variable : variables) {
      assertThat(text).as(variable).containsPattern("[^A-Za-z0-9]" + variable + "[^A-Za-z0-9]");
    }
  }

  /** Each published task id is a user task of the process's model in {@code bpmn/}. */
  public static void assertUserTasks(String process, List<String> tasks) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", process + ".bpmn").toFile());
    for (String task : tasks) {
      assertThat(model.<UserTask>getModelElementById(task)).as(process + ": " + task).isInstanceOf(UserTask.class);
    }
  }
}
