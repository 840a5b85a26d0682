package jp.bansou.consultation;

import java.util.Arrays;
import java.util.Optional;

/** How a contact with a business took place; the chamber counts its 巡回 and 窓口 contacts by these. */
public enum Channel {
  VISIT("visit", "巡回"),
  COUNTER("counter", "窓口"),
  PHONE("phone", "電話"),
  ONLINE("online", "オンライン"),
  EMAIL("email", "メール");

  private final String code;
  private final String label;

  Channel(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The value the form stores. */
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<Channel> of(Object code) {
    return Arrays.stream(values()).filter(channel -> channel.code.equals(code)).findFirst();
  }
}
