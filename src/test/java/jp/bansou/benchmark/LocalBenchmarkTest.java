package jp.bansou.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Figures in thousand yen, worked out by hand beside each assertion. */
class LocalBenchmarkTest {

  private static BigDecimal n(String value) {
    return new BigDecimal(value);
  }

  private static LocalBenchmark.Figures shop() {
    return new LocalBenchmark.Figures(
        n("48000"), n("40000"), n("30000"), n("15600"), n("2400"), n("1600"), n("4"),
        n("20000"), n("8000"), n("6000"), n("3000"), n("5000"), n("9000"), n("36000"),
        n("12000"), n("28800"));
  }

  @Test
  void aShopsSixIndicatorsAndBreakEvenComeOutAsWorkedByHand() {
    LocalBenchmark.Result r = LocalBenchmark.evaluate(shop());

    assertThat(r.salesGrowth().value()).isEqualByComparingTo("0.2"); // 48,000 / 40,000 − 1
    assertThat(r.operatingMargin().value()).isEqualByComparingTo("0.05"); // 2,400 / 48,000
    assertThat(r.labourProductivity().value()).isEqualByComparingTo("600"); // 2,400 / 4
    assertThat(r.ebitdaDebtRatio().value()).isEqualByComparingTo("3"); // (20,000 − 8,000) / (2,400 + 1,600)
    // (6,000 + 3,000 − 5,000) / (48,000 / 12) = 4,000 / 4,000
    assertThat(r.workingCapitalTurnoverMonths().value()).isEqualByComparingTo("1");
    assertThat(r.equityRatio().value()).isEqualByComparingTo("0.25"); // 9,000 / 36,000
    // 12,000 / (1 − 28,800 / 48,000) = 12,000 / 0.4
    assertThat(r.breakEvenSales().value()).isEqualByComparingTo("30000");
  }

  @Test
  void salesUpByExactlyThreePercentMeetsTheThreePercentTarget() {
    assertThat(LocalBenchmark.salesGrowth(n("10300"), n("10000")).value()).isEqualByComparingTo("0.03");
    assertThat(LocalBenchmark.salesGrowth(n("10299"), n("10000")).value()).isLessThan(n("0.03"));
  }

  @Test
  void fallingSalesGiveANegativeGrowth() {
    assertThat(LocalBenchmark.salesGrowth(n("9000"), n("12000")).value()).isEqualByComparingTo("-0.25");
  }

  @Test
  void aRepeatingQuotientKeepsSixteenSignificantDigits() {
    // 4,500 × 12 / 52,000 = 1.03846153846153846…
    assertThat(LocalBenchmark.workingCapitalTurnoverMonths(n("6000"), n("3000"), n("4500"), n("52000")).value())
        .isEqualByComparingTo("1.038461538461538");
  }

  @Test
  void aLossMakesTheMarginAndProductivityNegativeButStillComputable() {
    assertThat(LocalBenchmark.operatingMargin(n("-1200"), n("48000")).value()).isEqualByComparingTo("-0.025");
    assertThat(LocalBenchmark.labourProductivity(n("-1200"), n("3")).value()).isEqualByComparingTo("-400");
  }

  @Test
  void aNegativeEbitdaIsFlaggedForAttentionNotShownAsARatio() {
    // (10,000 − 2,000) / (−3,000 + 1,000) would be −4, which reads as "more cash than debt"
    Indicator ratio = LocalBenchmark.ebitdaDebtRatio(n("10000"), n("2000"), n("-3000"), n("1000"));
    assertNotComputable(ratio, "要注意: EBITDA（営業利益＋減価償却費）が マイナス（-2000）");
  }

  @Test
  void aNegativeEbitdaWithMoreCashThanDebtIsNotAHealthyRatio() {
    // (2,000 − 9,000) / (−1,500 + 500) = 7 by the bare formula: a healthy-looking figure for a loss-making business
    Indicator ratio = LocalBenchmark.ebitdaDebtRatio(n("2000"), n("9000"), n("-1500"), n("500"));
    assertThat(ratio.computable()).isFalse();
    assertThat(ratio.notComputableReason()).contains("要注意").contains("返済する元手");
  }

  @Test
  void debtFullyCoveredByCashGivesANegativeRatio() {
    // (5,000 − 8,000) / (2,000 + 1,000)
    assertThat(LocalBenchmark.ebitdaDebtRatio(n("5000"), n("8000"), n("2000"), n("1000")).value())
        .isEqualByComparingTo("-1");
  }

  @Test
  void aBusinessInDebtExcessHasANegativeEquityRatio() {
    assertThat(LocalBenchmark.equityRatio(n("-2000"), n("8000")).value()).isEqualByComparingTo("-0.25");
  }

  @Test
  void zeroDenominatorsAreNotComputableWithAReason() {
    assertNotComputable(LocalBenchmark.salesGrowth(n("1000"), n("0")), "前年売上高が0");
    assertNotComputable(LocalBenchmark.operatingMargin(n("100"), n("0")), "売上高が0");
    assertNotComputable(LocalBenchmark.labourProductivity(n("100"), n("0")), "従業員数が0");
    assertNotComputable(LocalBenchmark.ebitdaDebtRatio(n("100"), n("0"), n("-500"), n("500")),
        "要注意: EBITDA（営業利益＋減価償却費）が 0 ");
    assertNotComputable(LocalBenchmark.workingCapitalTurnoverMonths(n("1"), n("1"), n("1"), n("0")), "売上高が0");
    assertNotComputable(LocalBenchmark.equityRatio(n("100"), n("0")), "総資産が0");
    assertNotComputable(LocalBenchmark.breakEvenSales(n("100"), n("0"), n("0")), "売上高が0");
  }

  @Test
  void variableCostsReachingSalesLeaveNoBreakEvenPoint() {
    assertNotComputable(LocalBenchmark.breakEvenSales(n("100"), n("1000"), n("1000")), "損益分岐点はありません");
    assertNotComputable(LocalBenchmark.breakEvenSales(n("100"), n("1200"), n("1000")), "損益分岐点はありません");
  }

  @Test
  void missingFiguresMakeOnlyTheIndicatorsThatNeedThemNotComputable() {
    LocalBenchmark.Figures f = shop();
    LocalBenchmark.Figures withoutPreviousYear = new LocalBenchmark.Figures(
        f.sales(), null, f.costOfSales(), f.sellingAndAdministrativeExpenses(), f.operatingProfit(),
        f.depreciation(), f.employees(), f.borrowings(), f.cashAndDeposits(), f.accountsReceivable(),
        f.inventory(), f.accountsPayable(), f.netAssets(), f.totalAssets(), f.fixedCosts(), f.variableCosts());

    LocalBenchmark.Result r = LocalBenchmark.evaluate(withoutPreviousYear);

    assertNotComputable(r.salesGrowth(), "未入力");
    assertThat(r.operatingMargin().computable()).isTrue();
    assertThat(r.breakEvenSales().computable()).isTrue();
  }

  private static void assertNotComputable(Indicator indicator, String reasonPart) {
    assertThat(indicator.computable()).isFalse();
    assertThat(indicator.asOptional()).isEmpty();
    assertThat(indicator.notComputableReason()).contains(reasonPart);
  }
}
