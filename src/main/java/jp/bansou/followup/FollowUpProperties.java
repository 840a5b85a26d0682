package jp.bansou.followup;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the chamber visits a business after a plan (plan §7), and when a visit that has not been
 * done reminds its advisor and then the managers. Rumoi's values are the defaults in application.yaml.
 *
 * @param schedules visit interval and count per follow-up track ({@code plan}, {@code startup},
 *     {@code succession})
 * @param visitWindow how long after a visit falls due the visit task is due
 * @param reminderAfterDue how long after the task's due date the advisor is reminded
 * @param escalationAfterDue how long after the task's due date the managers take the visit up
 * @param salesGrowthTarget year-on-year sales growth a followed-up business should reach (0.03 = 3 %)
 */
@ConfigurationProperties("bansou.follow-up")
public record FollowUpProperties(
    Map<String, Schedule> schedules,
    Period visitWindow,
    Period reminderAfterDue,
    Period escalationAfterDue,
    BigDecimal salesGrowthTarget) {

  public FollowUpProperties {
    Settings.notEmpty(schedules, "schedules");
    Settings.required(visitWindow, "visit-window");
    Settings.required(reminderAfterDue, "reminder-after-due");
    Settings.required(escalationAfterDue, "escalation-after-due");
    Settings.required(salesGrowthTarget, "sales-growth-target");
    Settings.notNegative(salesGrowthTarget, "sales-growth-target");
  }

  public record Schedule(Period interval, int visits) {

    public Schedule {
      Settings.required(interval, "interval");
      Settings.atLeast(visits, 1, "visits");
    }
  }
}
