package jp.bansou.followup;

import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import jp.bansou.calendar.BusinessCalendar;
import jp.bansou.calendar.PlanClock;
import org.springframework.stereotype.Component;

/**
 * The follow-up calendar as expressions for the models: callers read a track's schedule for their
 * call-activity inputs ({@code ${followUpSchedules.interval('plan')}}), and {@code follow-up-visits}
 * reads its visit, due, reminder and escalation dates. Dates are reckoned on the one clock in the plan's
 * zone, so "three months later" is a calendar quarter in Rumoi. A visit falls due at its interval (the
 * plan's quarter or month, never shifted); the day the advisor must have recorded it, and the reminder and
 * escalation after that, are open days of the chamber ({@link BusinessCalendar}).
 */
@Component("followUpSchedules")
public class FollowUpSchedules {

  private final FollowUpProperties properties;
  private final BusinessCalendar calendar;

  FollowUpSchedules(FollowUpProperties properties, BusinessCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
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

  /** When the visit task is due: the visit window after the visit fell due, on an open day. */
  public Date visitDueDate(String interval, int visit) {
    return calendar.openDay(visitDueDateAsPlanned(interval, visit));
  }

  /** The visit window after the visit fell due, whether the chamber is open that day or not. */
  public Date visitDueDateAsPlanned(String interval, int visit) {
    return Date.from(visitDate(interval, visit).toInstant().atZone(PlanClock.zone())
        .plus(properties.visitWindow()).toInstant());
  }

  /** The advisor is reminded this long after the visit's due date, on an open day. */
  public Date reminderDate(Date visitDueDate) {
    return calendar.after(visitDueDate, properties.reminderAfterDue().toString());
  }

  /** The managers take over this long after the visit's due date, on an open day. */
  public Date escalationDate(Date visitDueDate) {
    return calendar.after(visitDueDate, properties.escalationAfterDue().toString());
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

  private static ZonedDateTime now() {
    return PlanClock.nowInPlanZone();
  }
}
