package jp.bansou.seminar;

/** The plan's seminars (§5, §6, §8). */
public enum SeminarKind {
  MANAGEMENT_ANALYSIS("management-analysis", "経営分析セミナー", true),
  BUSINESS_PLAN("business-plan", "事業計画策定セミナー・個別相談会", true),
  DX("dx", "DX活用セミナー", false);

  private final String slug;
  private final String displayName;
  private final boolean leadsToAnalysis;

  SeminarKind(String slug, String displayName, boolean leadsToAnalysis) {
    this.slug = slug;
    this.displayName = displayName;
    this.leadsToAnalysis = leadsToAnalysis;
  }

  public String slug() {
    return slug;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * Whether a participant's wish for individual support means a management-analysis case. A DX seminar
   * participant wishes for DX follow-up instead: the seminar starts a {@code dx-follow-up} case for them.
   */
  public boolean leadsToAnalysis() {
    return leadsToAnalysis;
  }
}
