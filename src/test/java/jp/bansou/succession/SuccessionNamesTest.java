package jp.bansou.succession;

import java.io.IOException;
import java.util.List;
import jp.bansou.testing.PublishedNames;
import org.junit.jupiter.api.Test;

/** The case file and the demo year read the track by these names: its models and forms must still have them. */
class SuccessionNamesTest {

  @Test
  void everyPublishedNameIsInTheModelsOrTheirForms() throws IOException {
    PublishedNames.assertInModelsOrForms(List.of(SuccessionNames.PROCESS), SuccessionNames.HIGHLIGHTS);
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(SuccessionNames.PROCESS, SuccessionNames.TASKS);
  }
}
