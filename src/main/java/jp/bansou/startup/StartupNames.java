package jp.bansou.startup;

import java.util.List;

/**
 * What the startup support lets others read of it: its process id and what a case shows at a glance. The case file and the demo year read the track through these names only (PackageRulesTest);
 * StartupNamesTest checks that the models and forms still have them.
 */
public final class StartupNames {

  public static final String PROCESS = "startup";

  /** The day the business was founded. */
  public static final List<String> HIGHLIGHTS = List.of("foundingDate");

  private StartupNames() {}
}
