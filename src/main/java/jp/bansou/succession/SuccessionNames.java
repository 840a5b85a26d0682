package jp.bansou.succession;

import java.util.List;

/**
 * What the business succession support lets others read of it: its process id and what a case shows at a
 * glance. The case file and the demo year read the track through these names only (PackageRulesTest);
 * SuccessionNamesTest checks that the models and forms still have them.
 */
public final class SuccessionNames {

  public static final String PROCESS = "business-succession";

  /** How and when the business is to be handed on. */
  public static final List<String> HIGHLIGHTS = List.of("successionMethod", "plannedSuccessionDate");

  private SuccessionNames() {}
}
