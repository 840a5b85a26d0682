package jp.bansou.succession;

import java.util.List;

/**
 * What the business succession support lets others read of it: its process id and what a case shows at a
 * glance. The case file and the demo year read the track through these names only (PackageRulesTest);
 * SuccessionNamesTest checks that the models and forms still have them.
 */
public final class SuccessionNames {

  public static final String PROCESS = "business-succession";

  /** How and when the business is to be handed on. */
  public static final List<String> HIGHLIGHTS = List.of("successionMethod", "plannedSuccessionDate");

  /** The owner's situation is heard (ヒアリング). */
  public static final String HEAR_SITUATION = "HearSuccessionSituation";

  /** The succession plan is drafted. */
  public static final String DRAFT_PLAN = "DraftSuccessionPlan";

  /** The succession plan is finalised; the visits start. */
  public static final String FINALIZE_PLAN = "FinalizeSuccessionPlan";

  /** The user tasks above, in the order of the model. */
  public static final List<String> TASKS = List.of(HEAR_SITUATION, DRAFT_PLAN, FINALIZE_PLAN);

  private SuccessionNames() {}
}
