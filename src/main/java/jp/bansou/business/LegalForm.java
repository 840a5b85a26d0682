package jp.bansou.business;

import java.util.Arrays;
import java.util.Optional;

/** 法人 or 個人事業主, as the office system writes them or in English. */
public enum LegalForm {
  CORPORATION("法人"),
  SOLE_PROPRIETOR("個人事業主");

  private final String displayName;

  LegalForm(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  static Optional<LegalForm> parse(String text) {
    String value = text.strip();
    if (value.equals("個人")) {
      return Optional.of(SOLE_PROPRIETOR);
    }
    return Arrays.stream(values())
        .filter(form -> form.displayName.equals(value)
            || form.name().equalsIgnoreCase(value.replace('-', '_').replace(' ', '_')))
        .findFirst();
  }
}
