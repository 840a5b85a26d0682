package jp.bansou.security;

/** The plan's roles as Camunda groups; ids are what models name in candidate groups. */
public enum StaffGroup {
  ADVISORS("advisors", "経営指導員"),
  ASSISTANTS("assistants", "補助員"),
  MANAGERS("managers", "法定経営指導員・事務局"),
  AUDITORS("auditors", "評価委員会・監査"),
  ADMINS("camunda-admin", "システム管理者");

  private final String id;
  private final String displayName;

  StaffGroup(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }
}
