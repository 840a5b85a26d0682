package jp.bansou.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Each timer of the plan's calendar waits for the right day, as configured with Rumoi's months. */
@EngineTest
class PlanCalendarTest {

  @Autowired
  ManagementService management;
  @Autowired
  CalendarTimers timers;
  @Autowired
  PlanCalendar calendar;

  private static final Date FAR_FUTURE = Date.from(Instant.parse("2100-01-01T00:00:00Z"));

  @ParameterizedTest(name = "from {0}, {1} next starts {2}")
  @CsvSource({
      "2026-11-24T10:00, RESAS_ANALYSIS, 2027-02-01T09:00",
      "2026-11-24T10:00, MANAGEMENT_TREND_SURVEY, 2027-08-02T09:00", // 08-01 is a Sunday
      "2026-11-24T10:00, EMPLOYMENT_TREND_SURVEY, 2027-11-01T09:00",
      "2026-10-31T23:59, EMPLOYMENT_TREND_SURVEY, 2026-11-02T09:00", // 11-01 is a Sunday
      "2026-11-24T10:00, PUBLIC_SERVANT_SURVEY, 2027-09-01T09:00",
      "2026-11-24T10:00, MANAGEMENT_ANALYSIS_SEMINAR, 2027-06-01T09:00",
      "2026-07-15T10:00, MANAGEMENT_ANALYSIS_SEMINAR, 2026-11-02T09:00",
      "2026-11-24T10:00, BUSINESS_PLAN_SEMINAR, 2027-09-01T09:00",
      "2026-11-24T10:00, DX_SEMINAR, 2027-10-01T09:00",
      "2026-11-24T10:00, ANNUAL_EVALUATION, 2027-04-15T09:00",
      "2027-04-15T08:59, ANNUAL_EVALUATION, 2027-04-15T09:00",
  })
  void theTimerJobWaitsForTheConfiguredDayInJapan(LocalDateTime now, CalendarEntry entry, LocalDateTime expected) {
    // The job is shared with other tests, which may have left it at any date: start from a waiting job.
    management.setJobDuedate(timers.timerOf(entry).orElseThrow().getId(), FAR_FUTURE);
    new EngineClock(management).setTo(now);

    timers.reschedule();

    ZonedDateTime due = timers.timerOf(entry).orElseThrow().getDuedate().toInstant().atZone(EngineClock.JAPAN);
    assertThat(due.toLocalDateTime()).isEqualTo(expected);
  }

  @Test
  void aTimerAlreadyDueIsLeftToFireNotPushedToNextYear() {
    EngineClock clock = new EngineClock(management);
    clock.setTo(LocalDateTime.parse("2026-08-01T10:30"));
    String job = timers.timerOf(CalendarEntry.MANAGEMENT_TREND_SURVEY).orElseThrow().getId();
    Date dueThisMorning = Date.from(LocalDateTime.parse("2026-08-01T09:00").atZone(EngineClock.JAPAN).toInstant());
    management.setJobDuedate(job, dueThisMorning);

    timers.reschedule();

    assertThat(timers.timerOf(CalendarEntry.MANAGEMENT_TREND_SURVEY).orElseThrow().getDuedate())
        .isEqualTo(dueThisMorning);
  }

  @Test
  void theCyclesComeFromConfigurationAndStartOnAnOpenDay() {
    new EngineClock(management).setTo(LocalDateTime.parse("2026-11-24T10:00"));
    assertThat(calendar.cycle(CalendarEntry.RESAS_ANALYSIS)).isEqualTo("R/2027-02-01T09:00:00+09:00/P1Y");
    assertThat(calendar.cycle(CalendarEntry.MANAGEMENT_ANALYSIS_SEMINAR)).isEqualTo("R/2027-06-01T09:00:00+09:00/P1Y");
    new EngineClock(management).setTo(LocalDateTime.parse("2027-04-15T10:00"));
    assertThat(calendar.cycle(CalendarEntry.MANAGEMENT_TREND_SURVEY)).as("2027-08-01 is a Sunday")
        .isEqualTo("R/2027-08-02T09:00:00+09:00/P1Y");
  }

  @Test
  void aStartThatFiresIsFollowedByTheNextYearsOpenDayNotByTheSameDayAYearLater() {
    EngineClock clock = new EngineClock(management);
    clock.setTo(LocalDateTime.parse("2027-07-01T10:00"));
    String job = timers.timerOf(CalendarEntry.MANAGEMENT_TREND_SURVEY).orElseThrow().getId();
    management.setJobDuedate(job, FAR_FUTURE);
    timers.reschedule();
    assertThat(dueOf(CalendarEntry.MANAGEMENT_TREND_SURVEY)).isEqualTo(LocalDateTime.parse("2027-08-02T09:00"));

    clock.setTo(LocalDateTime.parse("2027-08-02T09:00"));
    management.executeJob(timers.timerOf(CalendarEntry.MANAGEMENT_TREND_SURVEY).orElseThrow().getId());

    // 2028-08-01 is a Tuesday: the survey starts on its day again
    assertThat(dueOf(CalendarEntry.MANAGEMENT_TREND_SURVEY)).isEqualTo(LocalDateTime.parse("2028-08-01T09:00"));
  }

  private LocalDateTime dueOf(CalendarEntry entry) {
    return timers.timerOf(entry).orElseThrow().getDuedate().toInstant().atZone(EngineClock.JAPAN).toLocalDateTime();
  }
}
