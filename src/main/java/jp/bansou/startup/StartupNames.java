package jp.bansou.startup;

import java.util.List;

/**
 * What the startup support lets others read of it: its process id and what a case shows at a glance. The case file and the demo year read the track through these names only (PackageRulesTest);
 * StartupNamesTest checks that the models and forms still have them.
 */
public final class StartupNames {

  public static final String PROCESS = "startup";

  /** The day the business was founded. */
  public static final List<String> HIGHLIGHTS = List.of("foundingDate");

  /** The consultation before the founding. */
  public static final String RECORD_PRE_FOUNDING_CONSULTATION = "RecordPreFoundingConsultation";

  /** The founder's plan is drafted. */
  public static final String DRAFT_PLAN = "DraftStartupPlan";

  /** The Japan Finance Corporation's financing is recorded. */
  public static final String RECORD_JFC_FINANCING = "RecordJfcFinancing";

  /** The city's startup grant is recorded. */
  public static final String RECORD_CITY_GRANT = "RecordCityGrant";

  /** The startup plan is finalised. */
  public static final String FINALIZE_PLAN = "FinalizeStartupPlan";

  /** The founding is recorded; the monthly visits start. */
  public static final String RECORD_FOUNDING = "RecordFounding";

  /** The user tasks above, in the order of the model. */
  public static final List<String> TASKS = List.of(RECORD_PRE_FOUNDING_CONSULTATION, DRAFT_PLAN, RECORD_JFC_FINANCING,
      RECORD_CITY_GRANT, FINALIZE_PLAN, RECORD_FOUNDING);

  private StartupNames() {}
}
