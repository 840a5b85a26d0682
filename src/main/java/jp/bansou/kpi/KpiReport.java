package jp.bansou.kpi;

import java.math.BigDecimal;
import java.util.List;

/**
 * A fiscal year's evaluation sheet (成果検証シート): for every target row the target (A), the actual (B) for
 * the year and its halves, B/A, and the mark.
 */
public record KpiReport(
    String fiscalYear,
    int westernYear,
    String fiscalYearName,
    String from,
    String to,
    String chamber,
    String baselineYear,
    String partlyMetFrom,
    List<Row> rows,
    Progress progress) {

  /**
   * Where a year still running stands (年度途中): its rows carry pace marks instead of the verdict.
   *
   * @param running true until the year's last day is over
   * @param asOf the day the pace is reckoned for (yyyy-MM-dd, Japan time)
   * @param elapsedPercent the share of the year that has passed, in percent, one decimal
   */
  public record Progress(boolean running, String asOf, BigDecimal elapsedPercent) {}

  /**
   * A running year's row: what the target means by today and whether the actual keeps pace.
   *
   * @param targetByToday the year's target times the elapsed share
   * @param mark ○ on pace, △ somewhat behind, × behind, － no target, 未計測
   */
  public record Pace(BigDecimal targetByToday, String mark, String label) {}

  /**
   * @param counts what one unit is (businesses, cases, occurrences, sum)
   * @param actual B, or null when unmeasured
   * @param achievementPercent B/A in percent, one decimal, or null without a target or a measure
   * @param unmeasuredReason why there is no actual (未計測), else null
   * @param casesUrl where the cases behind the actual are listed, page by page
   * @param pace during the year, the pace against the target due by today; null once the year has ended
   * @param verdict the year's mark; during the year 年度途中, since a year not over cannot be judged
   */
  public record Row(
      String id,
      String section,
      String label,
      String unit,
      String counts,
      boolean perBusiness,
      BigDecimal baseline,
      BigDecimal target,
      BigDecimal actual,
      BigDecimal aprilToSeptember,
      BigDecimal octoberToMarch,
      BigDecimal achievementPercent,
      String verdict,
      String verdictLabel,
      String unmeasuredReason,
      String casesUrl,
      Pace pace) {}
}
