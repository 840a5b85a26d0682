package jp.bansou.staff;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
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

  StaffTrainings(StaffProperties properties) {
    this.properties = properties;
  }

  public Date transferDueDate(LocalDate trainingDate) {
    return Date.from(trainingDate.plus(properties.transferDueWithin()).atTime(END_OF_DAY)
        .atZone(ZoneId.systemDefault()).toInstant());
  }

  public Date reminderDate(Date transferDueDate) {
    return after(transferDueDate, properties.reminderAfterDue());
  }

  public Date escalationDate(Date transferDueDate) {
    return after(transferDueDate, properties.escalationAfterDue());
  }

  private static Date after(Date date, java.time.Period period) {
    return Date.from(date.toInstant().atZone(ZoneId.systemDefault()).plus(period).toInstant());
  }
}
