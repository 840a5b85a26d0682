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

  /** The advisor enters the year's financial figures (財務データ). */
  public static final String ENTER_FINANCIAL_FIGURES = "EnterFinancialFigures";

  /** The advisor reviews the Local Benchmark computed from them. */
  public static final String REVIEW_FINANCIAL_ANALYSIS = "ReviewFinancialAnalysis";

  /** SWOT and the four non-financial views. */
  public static final String ANALYSE_NON_FINANCIALS = "AnalyseNonFinancials";

  /** The results are fed back to the business, with the next step. */
  public static final String FEED_BACK_RESULTS = "FeedBackResults";

  /** The user tasks above, in the order of the model. */
  public static final List<String> TASKS = List.of(ENTER_FINANCIAL_FIGURES, REVIEW_FINANCIAL_ANALYSIS,
      ANALYSE_NON_FINANCIALS, FEED_BACK_RESULTS);

  /** What follows the feedback: {@code end}, {@code plan} (a business plan) or {@code referral} (a specialist). */
  public static final String NEXT_STEP = "analysisNextStep";

  /** What the analysis found, as the case file shows it: the review, SWOT, the four views and the feedback. */
  public static final List<String> FINDINGS = List.of("financialAnalysisNotes", "strengths", "weaknesses",
      "opportunities", "threats", "viewOwner", "viewBusiness", "viewEnvironment", "viewInternalManagement",
      "feedbackDate", "feedbackNotes");

  private AnalysisNames() {}
}
