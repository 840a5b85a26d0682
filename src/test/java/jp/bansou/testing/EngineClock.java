package jp.bansou.testing;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Moves the engine clock and runs what came due, the way a running job executor would, but without
 * waiting. Times are in Japan time, as the plan reckons them.
 */
public final class EngineClock {

  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final ManagementService management;

  public EngineClock(ManagementService management) {
    this.management = management;
  }

  public void setTo(LocalDateTime japanTime) {
    ClockUtil.setCurrentTime(Date.from(japanTime.atZone(JAPAN).toInstant()));
  }

  public void advance(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  public ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(JAPAN);
  }

  /**
   * Executes every job that is due now, including jobs that executing others made due, restricted to
   * the cases (root process instances, with everything they called) of this test, so that tests sharing
   * one engine do not fire each other's timers.
   */
  public int executeDueJobs(String... rootProcessInstanceIds) {
    int executed = 0;
    for (int round = 0; round < 1000; round++) {
      List<Job> due = new ArrayList<>();
      for (String root : rootProcessInstanceIds) {
        due.addAll(management.createJobQuery().rootProcessInstanceId(root).executable().list());
      }
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("jobs keep coming due: a loop in a model?");
  }
}
