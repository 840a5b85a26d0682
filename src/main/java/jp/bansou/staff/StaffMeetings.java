package jp.bansou.staff;

import java.util.Date;
import java.util.stream.Collectors;
import jp.bansou.calendar.BusinessCalendar;
import jp.bansou.calendar.PlanClock;
import org.springframework.stereotype.Component;

/**
 * The staff meetings' timer for the model: {@code <timeCycle>${staffMeetings.cycle()}</timeCycle>}, a cron
 * expression that Camunda evaluates in the JVM's zone, Japan time (see PlanTimeZone).
 */
@Component
public class StaffMeetings {

  private final StaffProperties properties;
  private final BusinessCalendar calendar;

  StaffMeetings(StaffProperties properties, BusinessCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  /** E.g. {@code 0 0 9 5,20 * ?}: 9:00 on the 5th and the 20th of every month. */
  public String cycle() {
    String days = properties.meetings().days().stream().sorted().distinct().map(String::valueOf)
        .collect(Collectors.joining(","));
    return "0 0 " + properties.meetings().hour() + " " + days + " * ?";
  }

  public Date recordDueDate() {
    return calendar
        .openDay(Date.from(PlanClock.nowInPlanZone().plus(properties.meetings().recordWithin()).toInstant()));
  }
}
