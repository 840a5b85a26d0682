package jp.bansou.benchmark;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Objects;

/**
 * METI's Local Benchmark (ローカルベンチマーク) financial indicators and break-even sales, by SPEC's
 * formulas. Amounts are in whatever unit the advisor entered (the forms ask for thousand yen); ratios
 * are fractions (0.03 = 3 %). Nothing here throws on a business's figures: what cannot be computed
 * says why.
 */
public final class LocalBenchmark {

  /** Sixteen significant digits: exact enough that 103/100 − 1 compares equal to the 3 % target. */
  private static final MathContext PRECISION = MathContext.DECIMAL64;
  private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

  /** One fiscal year of a business's figures; any of them may be missing (null). */
  public record Figures(
      BigDecimal sales,
      BigDecimal previousSales,
      BigDecimal costOfSales,
      BigDecimal sellingAndAdministrativeExpenses,
      BigDecimal operatingProfit,
      BigDecimal depreciation,
      BigDecimal employees,
      BigDecimal borrowings,
      BigDecimal cashAndDeposits,
      BigDecimal accountsReceivable,
      BigDecimal inventory,
      BigDecimal accountsPayable,
      BigDecimal netAssets,
      BigDecimal totalAssets,
      BigDecimal fixedCosts,
      BigDecimal variableCosts) {}

  public record Result(
      Indicator salesGrowth,
      Indicator operatingMargin,
      Indicator labourProductivity,
      Indicator ebitdaDebtRatio,
      Indicator workingCapitalTurnoverMonths,
      Indicator equityRatio,
      Indicator breakEvenSales) {}

  public static Result evaluate(Figures f) {
    return new Result(
        salesGrowth(f.sales(), f.previousSales()),
        operatingMargin(f.operatingProfit(), f.sales()),
        labourProductivity(f.operatingProfit(), f.employees()),
        ebitdaDebtRatio(f.borrowings(), f.cashAndDeposits(), f.operatingProfit(), f.depreciation()),
        workingCapitalTurnoverMonths(f.accountsReceivable(), f.inventory(), f.accountsPayable(), f.sales()),
        equityRatio(f.netAssets(), f.totalAssets()),
        breakEvenSales(f.fixedCosts(), f.variableCosts(), f.sales()));
  }

  /** 売上増加率 = sales / previous sales − 1. */
  public static Indicator salesGrowth(BigDecimal sales, BigDecimal previousSales) {
    if (anyMissing(sales, previousSales)) {
      return missing("売上高または前年売上高");
    }
    if (previousSales.signum() == 0) {
      return zero("前年売上高");
    }
    return Indicator.of(sales.divide(previousSales, PRECISION).subtract(BigDecimal.ONE));
  }

  /** 営業利益率 = operating profit / sales. */
  public static Indicator operatingMargin(BigDecimal operatingProfit, BigDecimal sales) {
    if (anyMissing(operatingProfit, sales)) {
      return missing("営業利益または売上高");
    }
    if (sales.signum() == 0) {
      return zero("売上高");
    }
    return Indicator.of(operatingProfit.divide(sales, PRECISION));
  }

  /** 労働生産性 = operating profit / employees. */
  public static Indicator labourProductivity(BigDecimal operatingProfit, BigDecimal employees) {
    if (anyMissing(operatingProfit, employees)) {
      return missing("営業利益または従業員数");
    }
    if (employees.signum() == 0) {
      return zero("従業員数");
    }
    return Indicator.of(operatingProfit.divide(employees, PRECISION));
  }

  /**
   * EBITDA有利子負債倍率 = (borrowings − cash and deposits) / (operating profit + depreciation), borrowings being
   * 短期借入金 + 長期借入金. When EBITDA is zero or negative the business earns nothing to repay with: the quotient
   * would read as a healthy (even negative, "debt-free") ratio, so METI's reading is 要注意 without a number.
   */
  public static Indicator ebitdaDebtRatio(
      BigDecimal borrowings, BigDecimal cashAndDeposits, BigDecimal operatingProfit, BigDecimal depreciation) {
    if (anyMissing(borrowings, cashAndDeposits, operatingProfit, depreciation)) {
      return missing("借入金・現預金・営業利益・減価償却費のいずれか");
    }
    BigDecimal ebitda = operatingProfit.add(depreciation);
    if (ebitda.signum() <= 0) {
      return Indicator.notComputable("要注意: EBITDA（営業利益＋減価償却費）が "
          + (ebitda.signum() == 0 ? "0" : "マイナス（" + ebitda.toPlainString() + "）")
          + " で、借入金を返済する元手が生まれていないため倍率を示せません");
    }
    return Indicator.of(borrowings.subtract(cashAndDeposits).divide(ebitda, PRECISION));
  }

  /** 営業運転資本回転期間（か月）= (receivables + inventory − payables) / (sales / 12). */
  public static Indicator workingCapitalTurnoverMonths(
      BigDecimal accountsReceivable, BigDecimal inventory, BigDecimal accountsPayable, BigDecimal sales) {
    if (anyMissing(accountsReceivable, inventory, accountsPayable, sales)) {
      return missing("売上債権・棚卸資産・買入債務・売上高のいずれか");
    }
    if (sales.signum() == 0) {
      return zero("売上高");
    }
    BigDecimal workingCapital = accountsReceivable.add(inventory).subtract(accountsPayable);
    // × 12 before ÷ sales: the same quotient as ÷ (sales / 12) without rounding the monthly sales first
    return Indicator.of(workingCapital.multiply(MONTHS_PER_YEAR).divide(sales, PRECISION));
  }

  /** 自己資本比率 = net assets / total assets. */
  public static Indicator equityRatio(BigDecimal netAssets, BigDecimal totalAssets) {
    if (anyMissing(netAssets, totalAssets)) {
      return missing("純資産または総資産");
    }
    if (totalAssets.signum() == 0) {
      return zero("総資産");
    }
    return Indicator.of(netAssets.divide(totalAssets, PRECISION));
  }

  /**
   * 損益分岐点売上高 = fixed costs / (1 − variable costs / sales). When variable costs reach sales, every
   * extra sale loses money and no sales level breaks even, so the formula's value (infinite or
   * negative) would mislead.
   */
  public static Indicator breakEvenSales(BigDecimal fixedCosts, BigDecimal variableCosts, BigDecimal sales) {
    if (anyMissing(fixedCosts, variableCosts, sales)) {
      return missing("固定費・変動費・売上高のいずれか");
    }
    if (sales.signum() == 0) {
      return zero("売上高");
    }
    BigDecimal marginalProfitRatio = BigDecimal.ONE.subtract(variableCosts.divide(sales, PRECISION));
    if (marginalProfitRatio.signum() <= 0) {
      return Indicator.notComputable("変動費が売上高以上で限界利益がないため、損益分岐点はありません");
    }
    return Indicator.of(fixedCosts.divide(marginalProfitRatio, PRECISION));
  }

  private static boolean anyMissing(BigDecimal... inputs) {
    return Arrays.stream(inputs).anyMatch(Objects::isNull);
  }

  private static Indicator missing(String what) {
    return Indicator.notComputable(what + "が未入力のため算出できません");
  }

  private static Indicator zero(String what) {
    return Indicator.notComputable(what + "が0のため算出できません");
  }

  private LocalBenchmark() {}
}
