package jp.bansou.followup;

import java.util.List;

/**
 * What the follow-up track ({@code follow-up-visits}) lets others read of it: its process id, its tasks and
 * timer, and the variables it sets or expects. The case file and the demo year read the follow-up through these
 * names only (PackageRulesTest); FollowUpNamesTest checks that the model still has each of them.
 */
public final class FollowUpNames {

  /** The process the plan, startup, succession and DX tracks call for their visits. */
  public static final String PROCESS = "follow-up-visits";

  /** The visit the advisor records when it falls due. */
  public static final String RECORD_VISIT = "RecordVisit";

  /** The advisor plans a visit that was not recorded in time. */
  public static final String PLAN_LATE_VISIT = "PlanLateVisit";

  /** A manager takes over a visit that stayed late. */
  public static final String HANDLE_LATE_VISIT = "HandleLateVisit";

  /** Every user task that is a visit (recorded, or late and being planned or handled). */
  public static final List<String> VISIT_TASKS = List.of(RECORD_VISIT, PLAN_LATE_VISIT, HANDLE_LATE_VISIT);

  /** The timer at which the next visit falls due. */
  public static final String VISIT_FALLS_DUE = "VisitFallsDue";

  /** The number of a visit within its round (1, 2, …), set on each visit's execution. */
  public static final String VISIT_NUMBER = "visitNumber";

  /** How many visits a round has. */
  public static final String VISIT_COUNT = "visitCount";

  /** Which track called the follow-up ({@code plan}, {@code startup}, {@code succession}, …), passed in. */
  public static final String FOLLOW_UP_TRACK = "followUpTrack";

  /**
   * The visit's due date as the interval planned it, kept on the visit's task when the business calendar moved the
   * due date to an open day (docs/calendar.md).
   */
  public static final String DUE_DATE_AS_PLANNED = "dueDateAsPlanned";

  private FollowUpNames() {}
}
