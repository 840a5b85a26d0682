package jp.bansou.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * application.yaml's cleanup window "22:00"–"05:00" carries no zone: the engine reads it in the JVM's default
 * zone, which PlanTimeZone makes the plan's (Asia/Tokyo) before the engine starts. On a server whose clock runs
 * in UTC the window would otherwise open at 07:00 in Rumoi, in the middle of the advisors' morning.
 */
@EngineTest
class HistoryCleanupWindowTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void historyIsCleanedUpFromTenAtNightToFiveInTheMorningJapanTime() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();

    BatchWindow tonight = configuration.getBatchWindowManager()
        .getCurrentOrNextBatchWindow(japan("2026-12-02T12:00"), configuration);

    assertThat(tonight.getStart()).isEqualTo(japan("2026-12-02T22:00"));
    assertThat(tonight.getEnd()).isEqualTo(japan("2026-12-03T05:00"));
    assertThat(HistoryCleanupHelper.isWithinBatchWindow(japan("2026-12-02T21:59"), configuration)).isFalse();
    assertThat(HistoryCleanupHelper.isWithinBatchWindow(japan("2026-12-02T22:00"), configuration)).isTrue();
    assertThat(HistoryCleanupHelper.isWithinBatchWindow(japan("2026-12-03T04:59"), configuration)).isTrue();
    assertThat(HistoryCleanupHelper.isWithinBatchWindow(japan("2026-12-03T05:01"), configuration)).isFalse();
  }

  private static Date japan(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(EngineClock.JAPAN).toInstant());
  }
}
