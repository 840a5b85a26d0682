package jp.bansou.referral;

import java.util.List;

/**
 * What the specialist referral ({@code specialist-referral}) lets others read of it: its process id and the
 * referral's record. The case file reads referrals through these names only (PackageRulesTest);
 * ReferralNamesTest checks that the model and forms still have them.
 */
public final class ReferralNames {

  public static final String PROCESS = "specialist-referral";

  /** To whom and why a business was referred, when, and what came of it. */
  public static final List<String> REFERRAL_RECORD = List.of("referralBody", "referralReason", "referralDate",
      "referralOutcome", "referralOutcomeDate", "referralOutcomeNotes");

  private ReferralNames() {}
}
