package jp.bansou.followup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("bansou.follow-up")
public record FollowUpProperties(
    @NotEmpty @Valid Map<String, Schedule> schedules,
    @NotNull Period visitWindow,
    @NotNull Period reminderAfterDue,
    @NotNull Period escalationAfterDue,
    @NotNull @DecimalMin("0") BigDecimal salesGrowthTarget) {

  public record Schedule(@NotNull Period interval, @Min(1) int visits) {}
}
