package jp.bansou.consultation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import jp.bansou.calendar.BusinessCalendar;
import jp.bansou.calendar.PlanClock;
import jp.bansou.input.RecordInput;
import org.springframework.stereotype.Component;

/**
 * When a contact's next action is due and when its staff member is reminded, for the model's due date and
 * timer ({@code ${contactSchedule.reminderDate(nextActionDueDate)}}). A due day means the end of that
 * office day in the plan's time zone, and both fall on a day the chamber is open (BusinessCalendar).
 */
@Component
public class ContactSchedule {

  /** A next action is due at the end of the office day. */
  static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

  private final ConsultationProperties properties;
  private final BusinessCalendar calendar;

  ContactSchedule(ConsultationProperties properties, BusinessCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  /** The given day, or {@code next-action-due} after today when the staff member left the date open. */
  public Date nextActionDueDate(LocalDate due) {
    return calendar.openDay(nextActionDueDateAsPlanned(due));
  }

  /** Before the business calendar moved it: the case file says why it moved. */
  public Date nextActionDueDateAsPlanned(LocalDate due) {
    LocalDate day = due != null ? due : RecordInput.today().plus(properties.nextActionDue());
    return Date.from(day.atTime(END_OF_DAY).atZone(PlanClock.zone()).toInstant());
  }

  public Date reminderDate(Date nextActionDueDate) {
    return calendar.openDay(Date.from(nextActionDueDate.toInstant().atZone(PlanClock.zone())
        .plus(properties.reminderAfterDue()).toInstant()));
  }
}
