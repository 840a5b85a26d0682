package jp.bansou.calendar;

import java.time.DayOfWeek;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import jp.bansou.calendar.BusinessCalendarProperties.ClosedDay;
import jp.bansou.calendar.BusinessCalendarProperties.Direction;
import jp.bansou.calendar.BusinessCalendarProperties.YearEndClosure;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** Business calendars built without Spring, as application.yaml configures them unless a test says otherwise. */
final class TestCalendars {

  static final Resource OFFICIAL = new ClassPathResource("calendar/syukujitsu.csv");
  static final Resource PROJECTED = new ClassPathResource("calendar/holidays-projected.csv");

  static BusinessCalendarProperties properties(Direction dueDates, List<ClosedDay> closedDays) {
    return new BusinessCalendarProperties(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        new YearEndClosure(MonthDay.of(12, 29), MonthDay.of(1, 3)), closedDays, dueDates, OFFICIAL, PROJECTED);
  }

  static BusinessCalendar calendar(Direction dueDates, List<ClosedDay> closedDays) {
    BusinessCalendarProperties properties = properties(dueDates, closedDays);
    return new BusinessCalendar(properties, new NationalHolidays(properties));
  }

  private TestCalendars() {}
}
