package jp.bansou.kpi;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import jp.bansou.calendar.FiscalYear;

/**
 * One line of the plan's target tables.
 *
 * @param perBusiness the actual is divided by the distinct businesses (sales per business, deals per business)
 * @param baseline the plan's "now" (現状), or null where the plan shows —
 * @param measure where the actual comes from, or null while no model records it (reported as 未計測)
 * @param rateOf null, or what the actual is a percentage of: all staff, or the cases of another measure
 * @param perBusinessOf with perBusiness, the measure whose businesses divide the actual (deals concluded ÷ the
 *     businesses that exhibited), or null for the businesses of the row's own measure
 */
public record TargetRow(
    String id,
    String section,
    String label,
    String unit,
    Counting counts,
    boolean perBusiness,
    BigDecimal baseline,
    Map<FiscalYear, BigDecimal> targets,
    Measure measure,
    RateOf rateOf,
    Measure perBusinessOf) {

  /** The denominator of a row reported as a percentage (plan §10: trained staff ÷ all staff). */
  public record RateOf(boolean staff, Measure cases) {}

  public TargetRow {
    targets = Map.copyOf(targets);
  }

  public Optional<BigDecimal> targetIn(FiscalYear year) {
    return Optional.ofNullable(targets.get(year));
  }
}
