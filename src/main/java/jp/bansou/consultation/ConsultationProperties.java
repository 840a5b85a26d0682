package jp.bansou.consultation;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When the next action agreed in a consultation or visit (巡回・窓口相談) falls due and when its staff member
 * is reminded. Rumoi's values are the defaults in application.yaml.
 *
 * @param nextActionDue how long after the contact a next action without a date of its own is due
 * @param reminderAfterDue how long after the next action's due date its staff member is reminded
 */
@Validated
@ConfigurationProperties("bansou.consultation")
public record ConsultationProperties(@NotNull Period nextActionDue, @NotNull Period reminderAfterDue) {}
