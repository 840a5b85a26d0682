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

  /** The advisor drafts the plan with the business. */
  public static final String DRAFT_PLAN = "DraftBusinessPlan";

  /** The plan is finalised (計画の策定日); its follow-up visits start. */
  public static final String FINALIZE_PLAN = "FinalizeBusinessPlan";

  /** The user tasks above, in the order of the model. */
  public static final List<String> TASKS = List.of(DRAFT_PLAN, FINALIZE_PLAN);

  private PlanNames() {}
}
