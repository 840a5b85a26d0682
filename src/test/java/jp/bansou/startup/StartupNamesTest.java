package jp.bansou.startup;

import java.io.IOException;
import java.util.List;
import jp.bansou.testing.PublishedNames;
import org.junit.jupiter.api.Test;

/** The case file and the demo year read the track by these names: its models and forms must still have them. */
class StartupNamesTest {

  @Test
  void everyPublishedNameIsInTheModelsOrTheirForms() throws IOException {
    PublishedNames.assertInModelsOrForms(List.of(StartupNames.PROCESS), StartupNames.HIGHLIGHTS);
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(StartupNames.PROCESS, StartupNames.TASKS);
  }
}
