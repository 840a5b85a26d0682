package jp.bansou.consultation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import jp.bansou.input.RecordInput;
import org.springframework.stereotype.Component;

/**
 * When a contact's next action is due and when its staff member is reminded, for the model's due date and
 * timer ({@code ${contactSchedule.reminderDate(nextActionDueDate)}}). A due day means the end of that
 * office day; reckoned in the JVM's zone, the plan's (see PlanTimeZone).
 */
@Component
public class ContactSchedule {

  /** A next action is due at the end of the office day. */
  static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

  private final ConsultationProperties properties;

  ContactSchedule(ConsultationProperties properties) {
    this.properties = properties;
  }

  /** The given day, or {@code next-action-due} after today when the staff member left the date open. */
  public Date nextActionDueDate(LocalDate due) {
    LocalDate day = due != null ? due : RecordInput.today().plus(properties.nextActionDue());
    return Date.from(day.atTime(END_OF_DAY).atZone(ZoneId.systemDefault()).toInstant());
  }

  public Date reminderDate(Date nextActionDueDate) {
    return Date.from(nextActionDueDate.toInstant().atZone(ZoneId.systemDefault())
        .plus(properties.reminderAfterDue()).toInstant());
  }
}
