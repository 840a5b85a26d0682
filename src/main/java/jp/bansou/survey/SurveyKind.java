package jp.bansou.survey;

/** The plan's regional economic surveys (§3). The name is what staff read in Tasklist and on the website. */
public enum SurveyKind {
  MANAGEMENT_TREND("management-trend", "経営動向調査"),
  EMPLOYMENT_TREND("employment-trend", "雇用動向調査"),
  PUBLIC_SERVANT("public-servant", "公務員の動向調査"),
  RESAS("resas", "RESASによる地域経済動向分析");

  private final String slug;
  private final String displayName;

  SurveyKind(String slug, String displayName) {
    this.slug = slug;
    this.displayName = displayName;
  }

  public String slug() {
    return slug;
  }

  public String displayName() {
    return displayName;
  }
}
