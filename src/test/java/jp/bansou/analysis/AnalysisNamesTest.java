package jp.bansou.analysis;

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

/** The case file reads the track by these names: its model and forms must still have each of them. */
class AnalysisNamesTest {

  @Test
  void everyPublishedNameIsInTheModelOrItsForms() throws IOException {
    Path model = Path.of("bpmn", AnalysisNames.PROCESS + ".bpmn");
    assertThat(Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(Process.class))
        .extracting(Process::getId).containsExactly(AnalysisNames.PROCESS);
    StringBuilder text = new StringBuilder(Files.readString(model));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        text.append(Files.readString(form));
      }
    }
    for (String variable : Stream.of(AnalysisNames.BENCHMARK_FIGURES, AnalysisNames.FINDINGS,
        List.of(AnalysisNames.NEXT_STEP)).flatMap(List::stream).toList()) {
      assertThat(text).as(variable).containsPattern("[^A-Za-z0-9]" + variable + "[^A-Za-z0-9]");
    }
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(AnalysisNames.PROCESS, AnalysisNames.TASKS);
  }
}
