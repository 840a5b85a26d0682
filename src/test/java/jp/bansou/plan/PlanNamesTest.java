package jp.bansou.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import jp.bansou.testing.PublishedNames;
import org.junit.jupiter.api.Test;

/** The case file reads the track by these names: its model and forms must still have each of them. */
class PlanNamesTest {

  @Test
  void everyPublishedNameIsInTheModelOrItsForms() throws IOException {
    Path model = Path.of("bpmn", PlanNames.PROCESS + ".bpmn");
    assertThat(Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(Process.class))
        .extracting(Process::getId).containsExactly(PlanNames.PROCESS);
    StringBuilder text = new StringBuilder(Files.readString(model));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        text.append(Files.readString(form));
      }
    }
    for (String variable : PlanNames.PLAN_DETAILS) {
      assertThat(text).as(variable).containsPattern("[^A-Za-z0-9]" + variable + "[^A-Za-z0-9]");
    }
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(PlanNames.PROCESS, PlanNames.TASKS);
  }
}
