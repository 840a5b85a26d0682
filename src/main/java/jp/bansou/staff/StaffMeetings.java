package jp.bansou.staff;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.stream.Stream;
import jp.bansou.calendar.BusinessCalendar;
import jp.bansou.calendar.PlanClock;
import org.springframework.stereotype.Component;

/**
 * The staff meetings' timer and due date for the model: {@code <timeCycle>${staffMeetings.cycle()}</timeCycle>}.
 * A cron expression cannot skip a Sunday or a holiday, so, as the plan calendar's yearly starts do
 * ({@code calendar.PlanCalendar}, ADR 0051), the cycle is an ISO-8601 repeating interval that begins at the
 * next configured day moved to an open day; the engine evaluates it again each time the timer fires
 * ({@code reevaluateTimeCycleWhenDue}), which names the meeting after that, and {@link StaffMeetingTimer}
 * at every start of the application.
 */
@Component
public class StaffMeetings {

  private final StaffProperties properties;
  private final BusinessCalendar calendar;

  StaffMeetings(StaffProperties properties, BusinessCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  /**
   * E.g. {@code R/2027-02-22T09:00:00+09:00/P1M} on 2027-02-05 after the meeting of the 5th, for the 20th (a
   * Saturday); the monthly repetition is only a fallback, as the cycle is evaluated anew whenever it fires.
   */
  public String cycle() {
    return "R/" + nextStart().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1M";
  }

  /** The first configured meeting day after now (the engine clock), moved to an open day, at the hour. */
  public ZonedDateTime nextStart() {
    ZonedDateTime now = PlanClock.nowInPlanZone();
    LocalDate thisMonth = now.toLocalDate().withDayOfMonth(1);
    // from the month before: a day moved back to the previous open day may cross the turn of a month
    return Stream.of(thisMonth.minusMonths(1), thisMonth, thisMonth.plusMonths(1), thisMonth.plusMonths(2))
        .flatMap(month -> properties.meetings().days().stream().map(month::withDayOfMonth))
        .map(day -> calendar.openDay(day).atTime(properties.meetings().hour(), 0).atZone(PlanClock.zone()))
        .filter(start -> start.isAfter(now))
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  /** The record is due {@code record-within} after the meeting's task appears, on an open day. */
  public Date recordDueDate() {
    return calendar.openDay(recordDueDateAsPlanned());
  }

  /** The record's due date before the business calendar moved it: the case file says why it moved. */
  public Date recordDueDateAsPlanned() {
    return Date.from(PlanClock.nowInPlanZone().plus(properties.meetings().recordWithin()).toInstant());
  }
}
