package jp.bansou.system;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The checks Bansō's typed settings (the {@code @ConfigurationProperties} records) make in their constructors, so
 * that a wrong setting stops the start: Spring Boot reports the exception as a failure to bind the setting's prefix,
 * with its message. Bean Validation did the same and cost about 600 ms of every restart (ADR 0114). A message names
 * the setting as application.yaml writes it ({@code transfer-due-within}) and the rule it breaks.
 */
public final class Settings {

  private Settings() {}

  public static void required(Object value, String name) {
    check(value != null, name + " must be set");
  }

  public static void notBlank(String value, String name) {
    check(value != null && !value.isBlank(), name + " must not be blank");
  }

  public static void notEmpty(Collection<?> values, String name) {
    check(values != null && !values.isEmpty(), name + " must not be empty");
  }

  public static void notEmpty(Map<?, ?> values, String name) {
    check(values != null && !values.isEmpty(), name + " must not be empty");
  }

  public static void between(int value, int min, int max, String name) {
    check(value >= min && value <= max, name + " must be between " + min + " and " + max + ", not " + value);
  }

  /** Every element from {@code min} to {@code max}; a missing element (a stray comma) is refused too. */
  public static void eachBetween(List<Integer> values, int min, int max, String name) {
    for (Integer value : values) {
      check(value != null && value >= min && value <= max,
          name + " must each be between " + min + " and " + max + ", not " + value);
    }
  }

  public static void atLeast(long value, long min, String name) {
    check(value >= min, name + " must be at least " + min + ", not " + value);
  }

  public static void notNegative(BigDecimal value, String name) {
    check(value.signum() >= 0, name + " must be 0 or more, not " + value);
  }

  public static void shareBetween0And1(double value, String name) {
    check(value >= 0 && value <= 1, name + " must be a share between 0 and 1, not " + value);
  }

  /** For a rule of its own or a message of its own: refuses the setting with {@code message} unless it holds. */
  public static void check(boolean holds, String message) {
    if (!holds) {
      throw new IllegalArgumentException(message);
    }
  }
}
