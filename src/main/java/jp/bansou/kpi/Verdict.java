package jp.bansou.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The evaluation sheet's mark (成果検証シート): ○ met, △ partly met, × not met. "Partly" starts at a share
 * of the target that the chamber chooses ({@code bansou.kpi.partly-met-from}, half by default).
 */
public enum Verdict {
  MET("○", "達成"),
  PARTLY_MET("△", "一部達成"),
  NOT_MET("×", "未達成"),
  /** The plan sets no target for this year. */
  NO_TARGET("－", "目標なし"),
  /** No model records this yet: an honest gap, never a 0. */
  UNMEASURED("未計測", "計測元なし");

  private final String mark;
  private final String label;

  Verdict(String mark, String label) {
    this.mark = mark;
    this.label = label;
  }

  public String mark() {
    return mark;
  }

  public String label() {
    return label;
  }

  /** B/A as a percentage with one decimal; null without a target, a measure, or when the target is 0. */
  public static BigDecimal achievementPercent(BigDecimal target, BigDecimal actual) {
    if (target == null || actual == null || target.signum() == 0) {
      return null;
    }
    return actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
  }

  /**
   * @param partlyMetFrom the share of the target (0–1) from which a miss counts as partly met
   */
  public static Verdict of(BigDecimal target, BigDecimal actual, BigDecimal partlyMetFrom) {
    if (actual == null) {
      return UNMEASURED;
    }
    if (target == null) {
      return NO_TARGET;
    }
    if (actual.compareTo(target) >= 0) {
      return MET;
    }
    return actual.compareTo(target.multiply(partlyMetFrom)) >= 0 && actual.signum() > 0 ? PARTLY_MET : NOT_MET;
  }
}
