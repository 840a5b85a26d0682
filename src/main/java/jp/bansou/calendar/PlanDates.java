package jp.bansou.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Dates that staff enter in forms (Camunda Forms submit "2026-09-30") turned into the moments timers
 * wait for. Referenced from models as {@code ${planDates.…}}.
 */
@Component
public class PlanDates {

  /** The first moment after the given Japan date: a deadline "until September 30" ends here. */
  public Date endOf(String isoDate) {
    return Date.from(parse(isoDate).plusDays(1).atStartOfDay(PlanClock.zone()).toInstant());
  }

  public static LocalDate parse(String isoDate) {
    try {
      return LocalDate.parse(isoDate == null ? "" : isoDate.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date like 2026-09-30: '" + isoDate + "'", e);
    }
  }
}
