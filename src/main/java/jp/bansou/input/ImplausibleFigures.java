package jp.bansou.input;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.benchmark.Indicator;
import jp.bansou.benchmark.LocalBenchmark;

/**
 * Results that are possible but unlikely enough to be a typing slip (62 for 62,000): sales growth below −50 % or
 * above +200 %, an operating margin beyond ±100 %. Such figures go on only when the person confirms them with a
 * reason in the form's {@link #REASON} field; the warning and the reason stay in the case's history as the
 * variables {@link #WARNING} and {@link #REASON}. The results are Local Benchmark's, by its own formulas.
 */
public final class ImplausibleFigures {

  /** The form field in which staff say why the unlikely figures are right. */
  public static final String REASON = "implausibleFiguresReason";
  /** The warning the person confirmed, kept next to the reason. */
  public static final String WARNING = "implausibleFiguresWarning";

  static final BigDecimal LOWEST_GROWTH = new BigDecimal("-0.5");
  static final BigDecimal HIGHEST_GROWTH = new BigDecimal("2");
  static final BigDecimal HIGHEST_MARGIN = BigDecimal.ONE;

  private ImplausibleFigures() {}

  /** The warnings for these figures (sales, previousSales, operatingProfit), in Japanese; empty if plausible. */
  public static List<String> warnings(Map<String, Number> figures) {
    List<String> warnings = new ArrayList<>();
    BigDecimal sales = decimal(figures.get("sales"));
    BigDecimal previous = decimal(figures.get("previousSales"));
    BigDecimal profit = decimal(figures.get("operatingProfit"));
    Indicator growth = LocalBenchmark.salesGrowth(sales, previous);
    if (growth.computable() && previous.signum() > 0) {
      if (growth.value().compareTo(LOWEST_GROWTH) < 0 || growth.value().compareTo(HIGHEST_GROWTH) > 0) {
        warnings.add("売上増加率が " + percent(growth.value()) + " になります（前期の売上高 " + FigureRule.format(previous)
            + " → 売上高 " + FigureRule.format(sales) + "）。");
      }
    }
    Indicator margin = LocalBenchmark.operatingMargin(profit, sales);
    if (margin.computable() && sales.signum() > 0) {
      if (margin.value().abs().compareTo(HIGHEST_MARGIN) > 0) {
        warnings.add("営業利益率が " + percent(margin.value()) + " になります（営業利益 " + FigureRule.format(profit)
            + " ／ 売上高 " + FigureRule.format(sales) + "）。");
      }
    }
    return warnings;
  }

  /** The refusal shown when unlikely figures come without a reason: what looks wrong and how to go on. */
  static String refusal(List<String> warnings) {
    return String.join("", warnings) + "桁や単位（千円）の打ち間違いがないか確かめてください。"
        + "数字が正しい場合は「数字が正しい理由」に理由を書いて（例: 前期に大口の受注があったため）、もう一度完了してください。";
  }

  private static String percent(BigDecimal ratio) {
    BigDecimal percent = ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    return (percent.signum() > 0 ? "+" : "") + FigureRule.format(percent) + "%";
  }

  private static BigDecimal decimal(Number number) {
    return number == null ? null : new BigDecimal(number.toString());
  }
}
