package jp.bansou.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedCaseTest {

  @Test
  void anAuditorsLinkOpensTheHistoryViewOfTheApplicationsEngine() {
    assertThat(CountedCase.of("rumoi", "DEMO-001", "pi-1", "2025-06-01 10:00", 1).cockpitUrl())
        .isEqualTo("/camunda/app/cockpit/rumoi/#/bansou-history/pi-1");
  }
}
