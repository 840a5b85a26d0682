package jp.bansou.kpi;

import java.util.List;

/**
 * A case behind a row's actual, for an auditor to open in Cockpit.
 *
 * @param countedAt when it first counted in the year (the activity's completion, or the case's date)
 * @param times how often it counted in the year (visits of one follow-up, for example)
 */
public record CountedCase(String businessKey, String processInstanceId, String countedAt, long times, String cockpitUrl) {

  // the history view (jp.bansou.history), which opens finished cases too; Cockpit's own view redirects them away
  static final String COCKPIT_PROCESS_INSTANCE = "/camunda/app/cockpit/default/#/bansou-history/";

  static CountedCase of(String businessKey, String processInstanceId, String countedAt, long times) {
    return new CountedCase(businessKey, processInstanceId, countedAt, times, COCKPIT_PROCESS_INSTANCE + processInstanceId);
  }

  /** A page of the cases behind a row. */
  public record Page(String fiscalYear, String rowId, long total, int page, int size, List<CountedCase> cases) {}
}
