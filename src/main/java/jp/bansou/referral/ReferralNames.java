package jp.bansou.referral;

import java.util.List;

/**
 * What the specialist referral ({@code specialist-referral}) lets others read of it: its process id and the
 * referral's record. The case file reads referrals through these names only (PackageRulesTest);
 * ReferralNamesTest checks that the model and forms still have them.
 */
public final class ReferralNames {

  public static final String PROCESS = "specialist-referral";

  /** The specialist body the business was referred to. */
  public static final String BODY = "referralBody";
  /** Why it was referred. */
  public static final String REASON = "referralReason";
  /** When it was referred. */
  public static final String DATE = "referralDate";
  /** What came of it ({@code resolved}, …). */
  public static final String OUTCOME = "referralOutcome";
  /** When the outcome was recorded. */
  public static final String OUTCOME_DATE = "referralOutcomeDate";
  /** The outcome in the advisor's words. */
  public static final String OUTCOME_NOTES = "referralOutcomeNotes";

  /** To whom and why a business was referred, when, and what came of it. */
  public static final List<String> REFERRAL_RECORD = List.of(BODY, REASON, DATE, OUTCOME, OUTCOME_DATE,
      OUTCOME_NOTES);

  /** The advisor records to whom the business was referred. */
  public static final String RECORD_REFERRAL = "RecordReferral";

  /** The advisor records what came of it. */
  public static final String RECORD_OUTCOME = "RecordReferralOutcome";

  /** The user tasks above, in the order of the model. */
  public static final List<String> TASKS = List.of(RECORD_REFERRAL, RECORD_OUTCOME);

  private ReferralNames() {}
}
