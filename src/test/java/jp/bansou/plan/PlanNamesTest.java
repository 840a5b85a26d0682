package jp.bansou.plan;

import java.io.IOException;
import java.util.List;
import jp.bansou.testing.PublishedNames;
import org.junit.jupiter.api.Test;

/** The case file reads the track by these names: its model and forms must still have each of them. */
class PlanNamesTest {

  @Test
  void everyPublishedNameIsInTheModelOrItsForms() throws IOException {
    PublishedNames.assertInModelsOrForms(List.of(PlanNames.PROCESS), PlanNames.PLAN_DETAILS);
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(PlanNames.PROCESS, PlanNames.TASKS);
  }
}
