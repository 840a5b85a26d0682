package jp.bansou.kpi;

import java.util.Map;

/**
 * Where a row's actual comes from in the engine's history: the cases of one process that either completed
 * an activity in the fiscal year, or carry a date variable (yyyy-MM-dd) that falls in it, optionally only
 * those with the given process variables.
 *
 * @param activity the activity whose completion counts, or null when {@code dateVariable} dates the case
 * @param dateVariable the process variable holding the date that counts, or null when {@code activity} does
 * @param passed an activity the case must have completed (at any time) to count, else null: a seminar dated by
 *     its planned day counts only once its participants are validly recorded
 * @param where process variables the case must have, with these values (strings or booleans)
 * @param sumVariable the process variable added up when the row counts a sum, else null
 */
public record Measure(String process, String activity, String dateVariable, String passed, Map<String, Object> where, String sumVariable) {

  public Measure {
    where = where == null ? Map.of() : Map.copyOf(where);
  }

  public boolean byActivity() {
    return activity != null;
  }
}
