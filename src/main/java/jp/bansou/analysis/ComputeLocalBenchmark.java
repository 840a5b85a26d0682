package jp.bansou.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.util.function.Function;
import jp.bansou.benchmark.Indicator;
import jp.bansou.benchmark.LocalBenchmark;
import jp.bansou.input.NumberReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Computes the Local Benchmark from the figures of the financial-analysis form and stores each
 * indicator twice: as a number for later analysis ({@code lbSalesGrowth}, null when not computable) and
 * as the text the next form shows ({@code lbSalesGrowthText}, 「算出不可（…）」 with the reason).
 */
@Component
public class ComputeLocalBenchmark implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    LocalBenchmark.Result result = LocalBenchmark.evaluate(new LocalBenchmark.Figures(
        amount(execution, "sales"),
        amount(execution, "previousSales"),
        amount(execution, "costOfSales"),
        amount(execution, "sellingAndAdministrativeExpenses"),
        amount(execution, "operatingProfit"),
        amount(execution, "depreciation"),
        amount(execution, "employees"),
        amount(execution, "borrowings"),
        amount(execution, "cashAndDeposits"),
        amount(execution, "accountsReceivable"),
        amount(execution, "inventory"),
        amount(execution, "accountsPayable"),
        amount(execution, "netAssets"),
        amount(execution, "totalAssets"),
        amount(execution, "fixedCosts"),
        amount(execution, "variableCosts")));

    store(execution, "lbSalesGrowth", result.salesGrowth(), LocalBenchmarkFormat::percent);
    store(execution, "lbOperatingMargin", result.operatingMargin(), LocalBenchmarkFormat::percent);
    store(execution, "lbLabourProductivity", result.labourProductivity(), LocalBenchmarkFormat::thousandYenPerPerson);
    store(execution, "lbEbitdaDebtRatio", result.ebitdaDebtRatio(), LocalBenchmarkFormat::times);
    store(execution, "lbWorkingCapitalTurnover", result.workingCapitalTurnoverMonths(), LocalBenchmarkFormat::months);
    store(execution, "lbEquityRatio", result.equityRatio(), LocalBenchmarkFormat::percent);
    store(execution, "lbBreakEvenSales", result.breakEvenSales(), LocalBenchmarkFormat::thousandYen);
  }

  /**
   * A figure as the form or an API caller sent it, read by the one number reader (the engine has already refused
   * anything unreadable on entry). Missing counts as missing, so the indicators needing it say 「算出不可」.
   */
  static BigDecimal amount(DelegateExecution execution, String name) {
    return NumberReader.orNull(execution.getVariable(name));
  }

  private static void store(
      DelegateExecution execution, String name, Indicator indicator, Function<BigDecimal, String> format) {
    execution.setVariable(name, indicator.asOptional().map(BigDecimal::doubleValue).orElse(null));
    execution.setVariable(name + "Text", indicator.computable()
        ? format.apply(indicator.value())
        : "算出不可（" + indicator.notComputableReason() + "）");
  }

  /** How advisors read each indicator: rounded half up, as the Local Benchmark sheet shows it. */
  static final class LocalBenchmarkFormat {

    static String percent(BigDecimal ratio) {
      return decimal("#,##0.0", ratio.movePointRight(2), 1) + "%";
    }

    static String thousandYenPerPerson(BigDecimal value) {
      return decimal("#,##0", value, 0) + " 千円/人";
    }

    static String times(BigDecimal value) {
      return decimal("#,##0.00", value, 2) + " 倍";
    }

    static String months(BigDecimal value) {
      return decimal("#,##0.0", value, 1) + " か月";
    }

    static String thousandYen(BigDecimal value) {
      return decimal("#,##0", value, 0) + " 千円";
    }

    private static String decimal(String pattern, BigDecimal value, int scale) {
      return new DecimalFormat(pattern).format(value.setScale(scale, RoundingMode.HALF_UP));
    }

    private LocalBenchmarkFormat() {}
  }
}
