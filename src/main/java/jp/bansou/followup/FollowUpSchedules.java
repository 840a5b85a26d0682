package jp.bansou.followup;

import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The follow-up calendar as expressions for the models: callers read a track's schedule for their
 * call-activity inputs ({@code ${followUpSchedules.interval('plan')}}), and {@code follow-up-visits}
 * reads its visit, due, reminder and escalation dates. Dates are reckoned on the engine clock in the
 * JVM's zone (the plan's, see PlanTimeZone), so "three months later" is a calendar quarter in Rumoi.
 */
@Component("followUpSchedules")
public class FollowUpSchedules {

  private final FollowUpProperties properties;

  FollowUpSchedules(FollowUpProperties properties) {
    this.properties = properties;
  }

  /** The track's visit interval as an ISO-8601 period, e.g. {@code P3M}. */
  public String interval(String track) {
    return schedule(track).interval().toString();
  }

  public int visits(String track) {
    return schedule(track).visits();
  }

  /** When visit number {@code visit} (1, 2, …) falls due: that many intervals from now. */
  public Date visitDate(String interval, int visit) {
    return Date.from(now().plus(parse(interval).multipliedBy(visit)).toInstant());
  }

  /** When the visit task is due: the visit window after the visit fell due. */
  public Date visitDueDate(String interval, int visit) {
    return after(visitDate(interval, visit), properties.visitWindow());
  }

  public Date reminderDate(Date visitDueDate) {
    return after(visitDueDate, properties.reminderAfterDue());
  }

  public Date escalationDate(Date visitDueDate) {
    return after(visitDueDate, properties.escalationAfterDue());
  }

  private FollowUpProperties.Schedule schedule(String track) {
    FollowUpProperties.Schedule schedule = properties.schedules().get(track);
    if (schedule == null) {
      throw new IllegalArgumentException(
          "no follow-up schedule for track '" + track + "'; configured: " + properties.schedules().keySet());
    }
    return schedule;
  }

  private static Period parse(String interval) {
    try {
      return Period.parse(interval);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(
          "visitInterval must be an ISO-8601 period such as P3M or P1M, got '" + interval + "'", e);
    }
  }

  private static Date after(Date date, Period period) {
    return Date.from(date.toInstant().atZone(ZoneId.systemDefault()).plus(period).toInstant());
  }

  private static ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault());
  }
}
