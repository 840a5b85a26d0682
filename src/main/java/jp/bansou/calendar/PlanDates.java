package jp.bansou.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The one reader of days in Bansō: what Camunda Forms submit ("2026-09-30"), what staff and the Cabinet Office
 * write ("2026/9/30", "2026/09/30"), and a {@code Date} a REST caller sends, taken as
 * the day it is on the plan's clock. Also turns the days staff enter into the moments timers wait for, as
 * {@code ${planDates.…}} in the models.
 */
@Component
public class PlanDates {

  /** Year, month, day separated by - or /; a time after the day (a REST caller's date-time) is ignored. */
  private static final Pattern DAY = Pattern.compile("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T ].*)?$");

  /** The first moment after the given Japan date: a deadline "until September 30" ends here. */
  public Date endOf(String isoDate) {
    LocalDate day = read(isoDate);
    if (day == null) {
      throw new IllegalArgumentException("not a date like 2026-09-30: '" + isoDate + "'");
    }
    return Date.from(day.plusDays(1).atStartOfDay(PlanClock.zone()).toInstant());
  }

  /** The day meant, or null when the value is missing or not a day (2026-02-30 is not one). */
  public static LocalDate read(Object value) {
    if (value instanceof Date date) {
      return PlanClock.dateOf(date.toInstant());
    }
    if (value instanceof LocalDate day) {
      return day;
    }
    if (!(value instanceof String text)) {
      return null;
    }
    Matcher matcher = DAY.matcher(text.strip());
    if (!matcher.matches()) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
          Integer.parseInt(matcher.group(3)));
    } catch (DateTimeException notADay) {
      return null;
    }
  }
}
