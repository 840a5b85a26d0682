package jp.bansou.kpi;

import java.util.Map;

/**
 * Where a row's actual comes from in the engine's history: the cases of one process that either completed
 * an activity in the fiscal year, or carry a date variable (yyyy-MM-dd) that falls in it, or completed an
 * activity whose form recorded a day in it (a visit made on 3/30 and recorded on 4/2 counts on 3/30),
 * optionally only those with the given process variables.
 *
 * @param activity the activity whose completion counts, or null when {@code dateVariable} dates the case
 * @param dateVariable the process variable holding the date that counts, or null when {@code activity} does;
 *     with an activity, the day each completion recorded in that variable (訪問日, the day of feedback)
 * @param passed an activity the case must have completed (at any time) to count, else null: a seminar dated by
 *     its planned day counts only once its participants are validly recorded
 * @param where process variables the case must have, with these values (strings or booleans)
 * @param sumVariable the process variable added up when the row counts a sum, else null
 */
public record Measure(String process, String activity, String dateVariable, String passed, Map<String, Object> where,
    String sumVariable) {

  public Measure {
    where = where == null ? Map.of() : Map.copyOf(where);
  }

  /** Counted by the moment the activity completed. */
  public boolean byActivity() {
    return activity != null && dateVariable == null;
  }

  /** Counted each time the activity completed, on the day its form recorded then. */
  public boolean datedActivity() {
    return activity != null && dateVariable != null;
  }
}
