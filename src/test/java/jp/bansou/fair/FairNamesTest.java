package jp.bansou.fair;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import jp.bansou.testing.PublishedNames;
import org.junit.jupiter.api.Test;

/** The case file and the demo year read the track by these names: its models and forms must still have them. */
class FairNamesTest {

  @Test
  void everyPublishedNameIsInTheModelsOrTheirForms() throws IOException {
    PublishedNames.assertInModelsOrForms(List.of(FairNames.TRADE_FAIR, FairNames.BUSINESS_MEETING),
        Stream.concat(FairNames.HIGHLIGHTS.stream(), Stream.of(FairNames.LEAD_COMPANY)).toList());
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(FairNames.TRADE_FAIR, FairNames.TRADE_FAIR_TASKS);
    PublishedNames.assertUserTasks(FairNames.BUSINESS_MEETING, FairNames.BUSINESS_MEETING_TASKS);
  }
}
