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

  /** Trade fair: the business applies for a fair. */
  public static final String APPLY_FOR_FAIR = "ApplyForFair";

  /** Trade fair: advice on the pamphlet before the fair. */
  public static final String ADVISE_ON_PAMPHLET = "AdviseOnPamphlet";

  /** Trade fair: advice on the product before the fair. */
  public static final String ADVISE_ON_PRODUCT = "AdviseOnProduct";

  /** The trade fair's user tasks above. */
  public static final List<String> TRADE_FAIR_TASKS = List.of(APPLY_FOR_FAIR, ADVISE_ON_PAMPHLET, ADVISE_ON_PRODUCT);

  /** Business meeting: the business applies. */
  public static final String APPLY_FOR_MEETING = "ApplyForMeeting";

  /** Business meeting: the sheet (商談シート) is prepared. */
  public static final String PREPARE_MEETING_SHEET = "PrepareMeetingSheet";

  /** Business meeting: buyers are introduced on the day (紹介日). */
  public static final String INTRODUCE_BUYERS = "IntroduceBuyers";

  /** Business meeting: the customer list is made from the business cards. */
  public static final String RECORD_CUSTOMER_LIST = "RecordCustomerList";

  /** Business meeting: one lead of the customer list is followed up. */
  public static final String FOLLOW_UP_LEAD = "FollowUpLead";

  /** Business meeting: a lead not followed up in time is planned again. */
  public static final String REMIND_OF_LEAD = "RemindOfLead";

  /** The business meeting's user tasks above. */
  public static final List<String> BUSINESS_MEETING_TASKS = List.of(APPLY_FOR_MEETING, PREPARE_MEETING_SHEET,
      INTRODUCE_BUYERS, RECORD_CUSTOMER_LIST, FOLLOW_UP_LEAD, REMIND_OF_LEAD);

  /** The buyer's company a lead's task is about, a variable of that task. */
  public static final String LEAD_COMPANY = "leadCompany";

  private FairNames() {}
}
