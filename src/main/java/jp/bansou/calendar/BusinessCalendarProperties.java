package jp.bansou.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The days the chamber is open (営業日), which every due date, reminder and yearly start falls on. Japanese
 * national holidays are always closed days; the rest is the chamber's own: its closed weekdays, the
 * year-end and New Year closure, and days it closes for its own reasons.
 *
 * @param closedWeekdays weekdays the office is closed (土日 by default)
 * @param yearEndClosure the year-end and New Year closure (年末年始, 12-29 to 01-03 for public offices); none if null
 * @param closedDays extra days the chamber closes (its anniversary, an office move), each with its reason
 * @param dueDates whether a due date on a closed day moves to the next or to the previous open day
 * @param holidays the Cabinet Office's list of national holidays (内閣府「国民の祝日」CSV), as published
 * @param projectedHolidays holidays of years the Cabinet Office has not published yet, reckoned by the law;
 *     a year present in {@code holidays} is always taken from there
 */
@ConfigurationProperties("bansou.business-calendar")
public record BusinessCalendarProperties(
    Set<DayOfWeek> closedWeekdays,
    YearEndClosure yearEndClosure,
    List<ClosedDay> closedDays,
    Direction dueDates,
    Resource holidays,
    Resource projectedHolidays) {

  public BusinessCalendarProperties {
    Settings.required(closedWeekdays, "closed-weekdays");
    Settings.required(dueDates, "due-dates");
    Settings.required(holidays, "holidays");
    closedWeekdays = Set.copyOf(closedWeekdays);
    closedDays = closedDays == null ? List.of() : List.copyOf(closedDays);
  }

  /** From {@code from} to {@code to} inclusive, across the turn of the year when {@code to} is earlier. */
  public record YearEndClosure(MonthDay from, MonthDay to) {

    public YearEndClosure {
      Settings.required(from, "from");
      Settings.required(to, "to");
    }

    boolean contains(LocalDate day) {
      MonthDay monthDay = MonthDay.from(day);
      return from.isAfter(to)
          ? !monthDay.isBefore(from) || !monthDay.isAfter(to)
          : !monthDay.isBefore(from) && !monthDay.isAfter(to);
    }
  }

  /** A day the chamber closes, with the reason staff read (「創立記念日」). */
  public record ClosedDay(LocalDate date, String reason) {

    public ClosedDay {
      Settings.required(date, "date");
      Settings.notBlank(reason, "reason");
    }
  }

  /** Where a due date that falls on a closed day goes: 翌営業日 or 前営業日. */
  public enum Direction {
    NEXT_OPEN_DAY,
    PREVIOUS_OPEN_DAY
  }
}
