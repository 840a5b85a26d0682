package jp.bansou.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.IntStream;
import jp.bansou.calendar.CalendarProperties.Schedule;
import org.springframework.stereotype.Component;

/**
 * The cycles of the timer start events, from configuration: a model says
 * {@code <timeCycle>${planCalendar.cycle('RESAS_ANALYSIS')}</timeCycle>} and never a month. A cron
 * expression cannot skip holidays, so the cycle starts at the next start on a day the chamber is open (a
 * survey due on Sunday August 1st starts on Monday the 2nd); the engine evaluates the cycle again each time
 * its timer fires ({@code reevaluateTimeCycleWhenDue}), which names the start after that, and
 * {@link CalendarTimers} at every start of the application.
 */
@Component
public class PlanCalendar {

  private final CalendarProperties calendar;
  private final BusinessCalendar businessCalendar;

  public PlanCalendar(CalendarProperties calendar, BusinessCalendar businessCalendar) {
    this.calendar = calendar;
    this.businessCalendar = businessCalendar;
  }

  /**
   * An ISO-8601 repeating interval from the next start, e.g. {@code R/2027-02-01T09:00+09:00/P1Y}; its
   * yearly repetition is only a fallback, as the cycle is evaluated anew whenever its timer fires.
   */
  public String cycle(CalendarEntry entry) {
    return "R/" + nextStart(entry).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1Y";
  }

  /** The first configured start after now (on the engine clock), moved to an open day. */
  public ZonedDateTime nextStart(CalendarEntry entry) {
    Schedule schedule = entry.scheduleIn(calendar);
    ZonedDateTime now = PlanClock.nowInPlanZone();
    // From the year before: a start moved back to the previous open day may cross the turn of the year.
    return IntStream.rangeClosed(now.getYear() - 1, now.getYear() + 1).boxed()
        .flatMap(year -> schedule.months().stream().map(month -> LocalDate.of(year, month, schedule.day())))
        .map(day -> businessCalendar.openDay(day).atTime(calendar.startHour(), 0).atZone(PlanClock.zone()))
        .filter(start -> start.isAfter(now))
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }
}
