package jp.bansou.dx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import jp.bansou.testing.PublishedNames;
import org.junit.jupiter.api.Test;

/** The case file and the demo year read the track by these names: its models and forms must still have them. */
class DxNamesTest {

  @Test
  void everyPublishedNameIsInTheModelsOrTheirForms() throws IOException {
    StringBuilder text = new StringBuilder();
    for (String process : List.of(DxNames.PROCESS)) {
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
    for (String variable : DxNames.HIGHLIGHTS) {
      assertThat(text).as(variable).containsPattern("[^A-Za-z0-9]" + variable + "[^A-Za-z0-9]");
    }
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(DxNames.PROCESS, DxNames.TASKS);
  }
}
