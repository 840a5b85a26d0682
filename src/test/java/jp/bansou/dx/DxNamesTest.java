package jp.bansou.dx;

import java.io.IOException;
import java.util.List;
import jp.bansou.testing.PublishedNames;
import org.junit.jupiter.api.Test;

/** The case file and the demo year read the track by these names: its models and forms must still have them. */
class DxNamesTest {

  @Test
  void everyPublishedNameIsInTheModelsOrTheirForms() throws IOException {
    PublishedNames.assertInModelsOrForms(List.of(DxNames.PROCESS), DxNames.HIGHLIGHTS);
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(DxNames.PROCESS, DxNames.TASKS);
  }
}
