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
    List<Row> rows) {

  /**
   * @param counts what one unit is (businesses, cases, occurrences, sum)
   * @param actual B, or null when unmeasured
   * @param achievementPercent B/A in percent, one decimal, or null without a target or a measure
   * @param unmeasuredReason why there is no actual (未計測), else null
   * @param casesUrl where the cases behind the actual are listed, page by page
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
      String casesUrl) {}
}
