package jp.bansou.kpi;

import java.math.BigDecimal;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The KPI report's configuration.
 *
 * @param targets a Spring resource location of the chamber's targets file (classpath:…, file:…)
 * @param partlyMetFrom the share of a target from which a miss is marked △ rather than ×
 * @param paceDays what the pace of a running year counts: calendar days (default) or the chamber's open days
 */
@ConfigurationProperties("bansou.kpi")
public record KpiProperties(String targets, BigDecimal partlyMetFrom, PaceDays paceDays) {

  public KpiProperties {
    Settings.check(targets != null && !targets.isBlank(), "bansou.kpi.targets must name the chamber's targets file");
    Settings.check(partlyMetFrom == null
        || partlyMetFrom.signum() >= 0 && partlyMetFrom.compareTo(BigDecimal.ONE) <= 0,
        "bansou.kpi.partly-met-from is a share between 0 and 1");
  }

  /** The days by which a running year's elapsed share is counted. */
  public enum PaceDays {
    CALENDAR_DAYS,
    OPEN_DAYS
  }
}
