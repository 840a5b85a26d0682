package jp.bansou.fair;

import java.util.List;

/**
 * What the trade fair and the business meeting let others read of them: their process ids and what a case
 * shows at a glance. The case file and the demo year read the track through these names only (PackageRulesTest);
 * FairNamesTest checks that the models and forms still have them.
 */
public final class FairNames {

  public static final String TRADE_FAIR = "trade-fair";

  public static final String BUSINESS_MEETING = "business-meeting";

  /** The fair a business meeting belongs to, and its deals and failed leads. */
  public static final List<String> HIGHLIGHTS = List.of("fairName", "dealCount", "failedLeadCount");

  private FairNames() {}
}
