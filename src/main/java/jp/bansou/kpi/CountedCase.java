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

  /**
   * The history view (jp.bansou.history) in Cockpit, which opens finished cases too (Cockpit's own view redirects
   * them away); Cockpit's address names the application's engine, whatever its configured name.
   */
  static CountedCase of(String engineName, String businessKey, String processInstanceId, String countedAt, long times) {
    return new CountedCase(businessKey, processInstanceId, countedAt, times,
        "/camunda/app/cockpit/" + engineName + "/#/bansou-history/" + processInstanceId, null);
  }

  CountedCase withBusinessName(String name) {
    return new CountedCase(businessKey, processInstanceId, countedAt, times, cockpitUrl, name);
  }

  /** A page of the cases behind a row. */
  public record Page(String fiscalYear, String rowId, long total, int page, int size, List<CountedCase> cases) {}
}
