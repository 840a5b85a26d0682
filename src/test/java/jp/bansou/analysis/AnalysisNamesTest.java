package jp.bansou.analysis;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import jp.bansou.testing.PublishedNames;
import org.junit.jupiter.api.Test;

/** The case file reads the track by these names: its model and forms must still have each of them. */
class AnalysisNamesTest {

  @Test
  void everyPublishedNameIsInTheModelOrItsForms() throws IOException {
    PublishedNames.assertInModelsOrForms(List.of(AnalysisNames.PROCESS),
        Stream.of(AnalysisNames.BENCHMARK_FIGURES, AnalysisNames.FINDINGS,
            List.of(AnalysisNames.NEXT_STEP)).flatMap(List::stream).toList());
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(AnalysisNames.PROCESS, AnalysisNames.TASKS);
  }
}
