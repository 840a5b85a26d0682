package jp.bansou.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.function.Predicate;
import jp.bansou.calendar.FiscalYear;

/**
 * How far a fiscal year still running has come, and whether each row keeps pace with its target: during
 * the year a × against the whole year's target says nothing (every row is behind in May), so the report
 * compares the actual with the share of the target that is due by today.
 */
final class YearPace {

  private YearPace() {}

  /**
   * The share (0–1) of the fiscal year that has passed by the end of {@code today}, in calendar days. The one
   * place that says how much of a year is over.
   */
  static BigDecimal elapsedShare(FiscalYear year, LocalDate today) {
    return elapsedShare(year, today, day -> true);
  }

  /**
   * The share of the days that count (open days of the business calendar, {@code bansou.kpi.pace-days}) that
   * have passed by the end of {@code today}: visits and consultations happen on open days, so Golden Week and
   * the year-end closure do not make the office look behind.
   */
  static BigDecimal elapsedShare(FiscalYear year, LocalDate today, Predicate<LocalDate> counts) {
    if (today.isBefore(year.firstDay())) {
      return BigDecimal.ZERO;
    }
    if (today.isAfter(year.lastDay())) {
      return BigDecimal.ONE;
    }
    long days = year.firstDay().datesUntil(year.lastDay().plusDays(1)).filter(counts).count();
    long elapsed = year.firstDay().datesUntil(today.plusDays(1)).filter(counts).count();
    return days == 0 ? BigDecimal.ONE
        : BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_UP);
  }

  /** Whether today lies in the year: it then gets pace marks, not the year's verdict. */
  static boolean running(FiscalYear year, LocalDate today) {
    return year.contains(today);
  }

  /** The target that is due by today: the year's target times the elapsed share, one decimal. */
  static BigDecimal targetByToday(BigDecimal target, BigDecimal elapsedShare) {
    return target == null ? null : target.multiply(elapsedShare).setScale(1, RoundingMode.HALF_UP);
  }

  /**
   * The pace mark: ○ on pace (the actual reaches what is due by today), △ at least the partly-met share of
   * it, × behind. Nothing is due yet (first day, target 0) counts as on pace.
   */
  static Verdict pace(BigDecimal targetByToday, BigDecimal actual, BigDecimal partlyMetFrom) {
    if (actual == null) {
      return Verdict.UNMEASURED;
    }
    if (targetByToday == null) {
      return Verdict.NO_TARGET;
    }
    if (actual.compareTo(targetByToday) >= 0) {
      return Verdict.MET;
    }
    return actual.compareTo(targetByToday.multiply(partlyMetFrom)) >= 0 && actual.signum() > 0
        ? Verdict.PARTLY_MET : Verdict.NOT_MET;
  }

  static String paceLabel(Verdict pace) {
    return switch (pace) {
      case MET -> "順調";
      case PARTLY_MET -> "やや遅れ";
      case NOT_MET -> "遅れ";
      case NO_TARGET -> "目標なし";
      case UNMEASURED -> "計測元なし";
    };
  }
}
