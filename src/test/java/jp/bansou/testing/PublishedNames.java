package jp.bansou.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** Checks for the tracks' published names (…Names classes): what others read of a track must be in its model. */
public final class PublishedNames {

  private PublishedNames() {}

  /** Each published task id is a user task of the process's model in {@code bpmn/}. */
  public static void assertUserTasks(String process, List<String> tasks) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", process + ".bpmn").toFile());
    for (String task : tasks) {
      assertThat(model.<UserTask>getModelElementById(task)).as(process + ": " + task).isInstanceOf(UserTask.class);
    }
  }
}
