package jp.bansou.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock: "now" is the engine's clock (so tests that move it move every date with it) and "today"
 * is that moment's date in the plan's time zone, {@code bansou.time-zone}. Nothing else in Bansō asks the
 * system for the time or the zone.
 */
public final class PlanClock {

  /** Until the application sets {@code bansou.time-zone} (see PlanTimeZone), the plan's default: Japan. */
  private static volatile ZoneId zone = ZoneId.of(PlanTimeZone.DEFAULT);

  private PlanClock() {}

  /** The plan's time zone, in which days, due dates and fiscal years are reckoned. */
  public static ZoneId zone() {
    return zone;
  }

  static void useZone(ZoneId planZone) {
    zone = planZone;
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static ZonedDateTime nowInPlanZone() {
    return now().atZone(zone);
  }

  public static LocalDate today() {
    return nowInPlanZone().toLocalDate();
  }

  /** The plan-zone date of a moment. */
  public static LocalDate dateOf(Date moment) {
    return moment.toInstant().atZone(zone).toLocalDate();
  }

  public static LocalDate dateOf(Instant moment) {
    return moment.atZone(zone).toLocalDate();
  }

  /** Midnight at the start of a plan-zone date. */
  public static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }
}
