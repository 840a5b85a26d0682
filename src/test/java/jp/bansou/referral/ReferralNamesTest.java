package jp.bansou.referral;

import java.io.IOException;
import java.util.List;
import jp.bansou.testing.PublishedNames;
import org.junit.jupiter.api.Test;

/** The case file reads the track by these names: its model and forms must still have each of them. */
class ReferralNamesTest {

  @Test
  void everyPublishedNameIsInTheModelOrItsForms() throws IOException {
    PublishedNames.assertInModelsOrForms(List.of(ReferralNames.PROCESS), ReferralNames.REFERRAL_RECORD);
  }

  @Test
  void everyPublishedTaskIsAUserTaskOfTheModel() {
    PublishedNames.assertUserTasks(ReferralNames.PROCESS, ReferralNames.TASKS);
  }
}
