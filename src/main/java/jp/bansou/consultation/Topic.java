package jp.bansou.consultation;

/** The fixed list of what a contact was about; the form has one checkbox per topic (variable {@link #variable()}). */
public enum Topic {
  GENERAL("topicGeneral", "経営一般"),
  FINANCE("topicFinance", "金融・マル経"),
  TAX("topicTax", "税務・経理"),
  LABOUR("topicLabour", "労働"),
  SUBSIDY("topicSubsidy", "補助金・助成金"),
  STARTUP("topicStartup", "創業"),
  SUCCESSION("topicSuccession", "事業承継"),
  SALES_CHANNELS("topicSalesChannels", "販路開拓"),
  DX("topicDx", "DX"),
  OTHER("topicOther", "その他");

  private final String variable;
  private final String label;

  Topic(String variable, String label) {
    this.variable = variable;
    this.label = label;
  }

  public String variable() {
    return variable;
  }

  public String label() {
    return label;
  }
}
