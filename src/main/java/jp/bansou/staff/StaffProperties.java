package jp.bansou.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("bansou.staff")
public record StaffProperties(
    @NotNull Period transferDueWithin,
    @NotNull Period reminderAfterDue,
    @NotNull Period escalationAfterDue,
    @NotNull @Valid Meetings meetings) {

  /**
   * @param days days of every month (1–28, so that each exists in February)
   * @param hour the hour (Japan time) at which the meeting's task appears
   * @param recordWithin how long the staff have to record the meeting
   */
  public record Meetings(
      @NotEmpty List<@Min(1) @Max(28) Integer> days,
      @Min(0) @Max(23) int hour,
      @NotNull Period recordWithin) {}
}
