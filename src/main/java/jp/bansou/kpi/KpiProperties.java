package jp.bansou.kpi;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The KPI report's configuration.
 *
 * @param targets a Spring resource location of the chamber's targets file (classpath:…, file:…)
 * @param partlyMetFrom the share of a target from which a miss is marked △ rather than ×
 * @param paceDays what the pace of a running year counts: calendar days (default) or the chamber's open days
 */
@Validated
@ConfigurationProperties("bansou.kpi")
public record KpiProperties(
    @NotBlank(message = "bansou.kpi.targets must name the chamber's targets file") String targets,
    @DecimalMin(value = "0", message = "bansou.kpi.partly-met-from is a share between 0 and 1") @DecimalMax(value = "1", message = "bansou.kpi.partly-met-from is a share between 0 and 1") BigDecimal partlyMetFrom,
    PaceDays paceDays) {

  /** The days by which a running year's elapsed share is counted. */
  public enum PaceDays {
    CALENDAR_DAYS,
    OPEN_DAYS
  }
}
