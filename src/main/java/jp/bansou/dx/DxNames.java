package jp.bansou.dx;

import java.util.List;

/**
 * What the DX follow-up lets others read of it: its process id and what a case shows at a glance. The case file and the demo year read the track through these names only (PackageRulesTest);
 * DxNamesTest checks that the models and forms still have them.
 */
public final class DxNames {

  public static final String PROCESS = "dx-follow-up";

  /** The tools the business adopted, as the advisor described them. */
  public static final List<String> HIGHLIGHTS = List.of("dxToolsDetail");

  private DxNames() {}
}
