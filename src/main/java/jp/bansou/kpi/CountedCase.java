package jp.bansou.kpi;

import java.util.List;

/**
 * A case behind a row's actual, for an auditor to open in Cockpit.
 *
 * @param countedAt when it first counted in the year (the activity's completion, or the case's date)
 * @param times how often it counted in the year (visits of one follow-up, for example)
 * @param businessName the business's name from the registry, null when the key is not a business
 */
public record CountedCase(String businessKey, String processInstanceId, String countedAt, long times, String cockpitUrl,
    String businessName) {

  static final String COCKPIT_PROCESS_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";

  static CountedCase of(String businessKey, String processInstanceId, String countedAt, long times) {
    return new CountedCase(businessKey, processInstanceId, countedAt, times, COCKPIT_PROCESS_INSTANCE + processInstanceId,
        null);
  }

  CountedCase withBusinessName(String name) {
    return new CountedCase(businessKey, processInstanceId, countedAt, times, cockpitUrl, name);
  }

  /** A page of the cases behind a row. */
  public record Page(String fiscalYear, String rowId, long total, int page, int size, List<CountedCase> cases) {}
}
