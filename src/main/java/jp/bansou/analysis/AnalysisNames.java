package jp.bansou.analysis;

import java.util.List;

/**
 * What the management analysis ({@code management-analysis}) lets others read of it: its process id and the
 * Local Benchmark figures as the texts its forms show. The case file reads the analysis through these names only
 * (PackageRulesTest); AnalysisNamesTest checks that the model and forms still have them.
 */
public final class AnalysisNames {

  public static final String PROCESS = "management-analysis";

  /** The seven Local Benchmark indicators as shown ({@code 算出不可（…）} where a figure cannot be computed). */
  public static final List<String> BENCHMARK_FIGURES = List.of("lbSalesGrowthText", "lbOperatingMarginText",
      "lbLabourProductivityText", "lbEbitdaDebtRatioText", "lbWorkingCapitalTurnoverText", "lbEquityRatioText",
      "lbBreakEvenSalesText");

  private AnalysisNames() {}
}
