package jp.bansou.benchmark;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One Local Benchmark figure: a value, or the Japanese reason why it cannot be computed from the
 * business's figures (a zero denominator, a missing input). Advisors see the reason instead of a number.
 */
public record Indicator(BigDecimal value, String notComputableReason) {

  public Indicator {
    if ((value == null) == (notComputableReason == null)) {
      throw new IllegalArgumentException("an indicator has either a value or a reason, not both or neither");
    }
  }

  public static Indicator of(BigDecimal value) {
    return new Indicator(Objects.requireNonNull(value), null);
  }

  public static Indicator notComputable(String reason) {
    return new Indicator(null, Objects.requireNonNull(reason));
  }

  public boolean computable() {
    return value != null;
  }

  public Optional<BigDecimal> asOptional() {
    return Optional.ofNullable(value);
  }
}
