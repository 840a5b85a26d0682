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

  /** The individual DX support, recording the tools adopted (支援した日). */
  public static final String SUPPORT_DX = "SupportDx";

  /** The user tasks above. */
  public static final List<String> TASKS = List.of(SUPPORT_DX);

  private DxNames() {}
}
