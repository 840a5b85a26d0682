package jp.bansou.calendar;

import java.util.stream.Collectors;
import jp.bansou.calendar.CalendarProperties.Schedule;
import org.springframework.stereotype.Component;

/**
 * The cycles of the timer start events, from configuration: a model says
 * {@code <timeCycle>${planCalendar.cycle('RESAS_ANALYSIS')}</timeCycle>} and never a month.
 */
@Component
public class PlanCalendar {

  private final CalendarProperties calendar;

  public PlanCalendar(CalendarProperties calendar) {
    this.calendar = calendar;
  }

  /**
   * A cron expression (seconds minutes hours day month weekday), which Camunda evaluates in the JVM's
   * time zone: Japan time, set by {@link PlanTimeZone}.
   */
  public String cycle(CalendarEntry entry) {
    Schedule schedule = entry.scheduleIn(calendar);
    String months = schedule.months().stream().sorted().distinct().map(String::valueOf).collect(Collectors.joining(","));
    return "0 0 " + calendar.startHour() + " " + schedule.day() + " " + months + " ?";
  }
}
