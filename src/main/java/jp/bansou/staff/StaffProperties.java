package jp.bansou.staff;

import java.time.Period;
import java.util.List;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff development (plan §10): when the transfer training after an external training is due and who is
 * reminded when, and on which days the staff meetings are held. Rumoi's values are the defaults in
 * application.yaml.
 *
 * @param transferDueWithin how long after the external training its transfer training (伝達研修) is due
 * @param reminderAfterDue how long after that due date the lecturer is reminded
 * @param escalationAfterDue how long after that due date the managers take it up
 * @param meetings the staff meetings' days (職員間ミーティング, 月2〜3回)
 */
@ConfigurationProperties("bansou.staff")
public record StaffProperties(
    Period transferDueWithin,
    Period reminderAfterDue,
    Period escalationAfterDue,
    Meetings meetings) {

  public StaffProperties {
    Settings.required(transferDueWithin, "transfer-due-within");
    Settings.required(reminderAfterDue, "reminder-after-due");
    Settings.required(escalationAfterDue, "escalation-after-due");
    Settings.required(meetings, "meetings");
  }

  /**
   * @param days days of every month (1–28, so that each exists in February)
   * @param hour the hour (Japan time) at which the meeting's task appears
   * @param recordWithin how long the staff have to record the meeting
   */
  public record Meetings(List<Integer> days, int hour, Period recordWithin) {

    public Meetings {
      Settings.notEmpty(days, "days");
      Settings.eachBetween(days, 1, 28, "days");
      Settings.between(hour, 0, 23, "hour");
      Settings.required(recordWithin, "record-within");
    }
  }
}
