package jp.bansou.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import jp.bansou.calendar.BusinessCalendarProperties.ClosedDay;
import jp.bansou.calendar.BusinessCalendarProperties.Direction;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chamber is open on weekdays that are not national holidays nor the year-end closure, as configured. */
@EngineTest
class BusinessCalendarTest {

  @Autowired
  BusinessCalendar businessCalendar;
  @Autowired
  ManagementService management;

  @Test
  void theCitizensHolidayBetweenKeiroNoHiAndShubunNoHiMovesADueDateToTheThursday() {
    // 9/21 敬老の日, 9/22 国民の休日, 9/23 秋分の日
    assertThat(businessCalendar.openDay(LocalDate.of(2026, 9, 22))).isEqualTo(LocalDate.of(2026, 9, 24));
    assertThat(businessCalendar.movedBecause(LocalDate.of(2026, 9, 22))).contains("国民の休日のため翌営業日");
  }

  @Test
  void theNewYearClosureMovesJanuarySecondToTheFourth() {
    assertThat(businessCalendar.openDay(LocalDate.of(2027, 1, 2))).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(businessCalendar.movedBecause(LocalDate.of(2027, 1, 2))).contains("年末年始の休業のため翌営業日");
    assertThat(businessCalendar.isOpen(LocalDate.of(2026, 12, 28))).isTrue();
    for (LocalDate day = LocalDate.of(2026, 12, 29); day.isBefore(LocalDate.of(2027, 1, 4)); day = day.plusDays(1)) {
      assertThat(businessCalendar.isOpen(day)).as("%s", day).isFalse();
    }
  }

  @Test
  void theSubstituteHolidayForKinroKanshaNoHi2025IsClosed() {
    assertThat(businessCalendar.isOpen(LocalDate.of(2025, 11, 24))).isFalse();
    assertThat(businessCalendar.closedBecause(LocalDate.of(2025, 11, 24))).contains("振替休日");
    assertThat(businessCalendar.closedBecause(LocalDate.of(2025, 11, 23))).contains("祝日（勤労感謝の日）");
    assertThat(businessCalendar.isOpen(LocalDate.of(2025, 11, 25))).isTrue();
  }

  @Test
  void aReminderSevenDaysAfterASaturdayLandsOnSaturdayAndMovesToMondayKeepingItsHour() {
    // a lead recorded at a fair on Saturday 2026-11-07, 09:00 Japan time
    Date reminder = businessCalendar.after(japan(LocalDateTime.of(2026, 11, 7, 9, 0)), "P7D");
    assertThat(reminder).isEqualTo(japan(LocalDateTime.of(2026, 11, 16, 9, 0)));
    assertThat(businessCalendar.movedBecause(LocalDate.of(2026, 11, 14))).contains("土曜日のため翌営業日");
  }

  @Test
  void aMondayHolidayAfterTheWeekendMovesTheReminderToTuesday() {
    // Saturday 2026-10-10 + weekend + スポーツの日 on Monday 10-12
    Date reminder = businessCalendar.after(japan(LocalDateTime.of(2026, 10, 3, 10, 0)), "P7D");
    assertThat(reminder).isEqualTo(japan(LocalDateTime.of(2026, 10, 13, 10, 0)));
  }

  @Test
  void fromNowReadsTheEngineClock() {
    new EngineClock(management).setTo(LocalDateTime.of(2026, 9, 8, 9, 30));
    assertThat(businessCalendar.fromNow("P14D")).isEqualTo(japan(LocalDateTime.of(2026, 9, 24, 9, 30)));
    assertThat(businessCalendar.fromNow("P7D")).as("an open day stays")
        .isEqualTo(japan(LocalDateTime.of(2026, 9, 15, 9, 30)));
  }

  @Test
  void aChamberMayMoveDueDatesBackToThePreviousOpenDayInstead() {
    BusinessCalendar backwards = TestCalendars.calendar(Direction.PREVIOUS_OPEN_DAY, List.of());
    assertThat(backwards.openDay(LocalDate.of(2026, 9, 22))).isEqualTo(LocalDate.of(2026, 9, 18));
    assertThat(backwards.openDay(LocalDate.of(2027, 1, 2))).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(backwards.after(japan(LocalDateTime.of(2026, 11, 7, 9, 0)), "P7D"))
        .isEqualTo(japan(LocalDateTime.of(2026, 11, 13, 9, 0)));
    assertThat(backwards.movedBecause(LocalDate.of(2025, 11, 24))).contains("振替休日のため前営業日");
  }

  @Test
  void aChambersOwnClosedDaysAreClosedWithTheirReason() {
    BusinessCalendar rumoi = TestCalendars.calendar(Direction.NEXT_OPEN_DAY,
        List.of(new ClosedDay(LocalDate.of(2027, 6, 1), "創立記念日")));
    assertThat(rumoi.openDay(LocalDate.of(2027, 6, 1))).isEqualTo(LocalDate.of(2027, 6, 2));
    assertThat(rumoi.movedBecause(LocalDate.of(2027, 6, 1))).contains("休業日（創立記念日）のため翌営業日");
    assertThat(businessCalendar.isOpen(LocalDate.of(2027, 6, 1))).as("not in the default configuration").isTrue();
  }

  @Test
  void anOpenDayIsNeverMoved() {
    assertThat(businessCalendar.openDay(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(businessCalendar.movedBecause(LocalDate.of(2026, 12, 2))).isEmpty();
  }

  private static Date japan(LocalDateTime japanTime) {
    return Date.from(japanTime.atZone(EngineClock.JAPAN).toInstant());
  }
}
