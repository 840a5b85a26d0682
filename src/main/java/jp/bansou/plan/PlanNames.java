package jp.bansou.plan;

import java.util.List;

/**
 * What the business plan ({@code business-plan}) lets others read of it: its process id and the plan's details
 * as its forms record them. The case file reads the plan through these names only (PackageRulesTest);
 * PlanNamesTest checks that the model and forms still have them.
 */
public final class PlanNames {

  public static final String PROCESS = "business-plan";

  /** The plan's period, sales targets, actions, financing and when it was completed. */
  public static final List<String> PLAN_DETAILS = List.of("planStartDate", "planPeriodYears", "previousYearSales",
      "salesTargetYear1", "salesTargetYear2", "salesTargetYear3", "salesTargetYear4", "salesTargetYear5",
      "planActions", "needsFinancing", "financingResult", "financingAmount", "planCompletedDate");

  private PlanNames() {}
}
