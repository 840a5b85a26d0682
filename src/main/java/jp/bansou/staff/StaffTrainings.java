package jp.bansou.staff;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import jp.bansou.calendar.BusinessCalendar;
import jp.bansou.calendar.PlanClock;
import org.springframework.stereotype.Component;

/**
 * The transfer training's dates for the model ({@code ${staffTrainings.reminderDate(transferDueDate)}}):
 * due {@code transfer-due-within} after the external training, at the end of that office day, in the
 * plan's zone (see PlanTimeZone).
 */
@Component
public class StaffTrainings {

  private static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

  private final StaffProperties properties;
  private final BusinessCalendar calendar;

  StaffTrainings(StaffProperties properties, BusinessCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  public Date transferDueDate(LocalDate trainingDate) {
    return calendar.openDay(transferDueDateAsPlanned(trainingDate));
  }

  /** Before the business calendar moved it: the case file says why it moved. */
  public Date transferDueDateAsPlanned(LocalDate trainingDate) {
    return Date.from(trainingDate.plus(properties.transferDueWithin()).atTime(END_OF_DAY)
        .atZone(PlanClock.zone()).toInstant());
  }

  public Date reminderDate(Date transferDueDate) {
    return after(transferDueDate, properties.reminderAfterDue());
  }

  public Date escalationDate(Date transferDueDate) {
    return after(transferDueDate, properties.escalationAfterDue());
  }

  // reminders and escalations fall on open days too: nobody reads them on a Sunday or a holiday
  private Date after(Date date, java.time.Period period) {
    return calendar.openDay(Date.from(date.toInstant().atZone(PlanClock.zone()).plus(period).toInstant()));
  }
}
