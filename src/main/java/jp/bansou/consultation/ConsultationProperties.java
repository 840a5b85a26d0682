package jp.bansou.consultation;

import java.time.Period;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the next action agreed in a consultation or visit (巡回・窓口相談) falls due and when its staff member
 * is reminded. Rumoi's values are the defaults in application.yaml.
 *
 * @param nextActionDue how long after the contact a next action without a date of its own is due
 * @param reminderAfterDue how long after the next action's due date its staff member is reminded
 */
@ConfigurationProperties("bansou.consultation")
public record ConsultationProperties(Period nextActionDue, Period reminderAfterDue) {

  public ConsultationProperties {
    Settings.required(nextActionDue, "next-action-due");
    Settings.required(reminderAfterDue, "reminder-after-due");
  }
}
