package jp.bansou.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese fiscal year (年度): April 1 to March 31, reckoned in the plan's time zone (Japan time), named both by its Reiwa
 * year ("R7", 令和7年度) and by the Western year it starts in (2025年度). Every count of the plan is per
 * fiscal year, so a case closed on March 31 at 23:59 in Rumoi belongs to the year that is ending.
 */
public record FiscalYear(int startYear) implements Comparable<FiscalYear> {

  /** Reiwa 1 is the fiscal year that started on April 1, 2019 (令和元年度). */
  private static final int YEAR_BEFORE_REIWA_1 = 2018;
  /** Heisei 1 was 1989; earlier plans' baselines (H30 = 2018年度) are named the same way. */
  private static final int YEAR_BEFORE_HEISEI_1 = 1988;

  private static final Pattern LABEL = Pattern.compile("([RH])(\\d{1,2})");
  private static final Pattern WESTERN = Pattern.compile("\\d{4}");

  public FiscalYear {
    if (startYear < YEAR_BEFORE_HEISEI_1 + 1 || startYear > 9999) {
      throw new IllegalArgumentException("no fiscal year starts in " + startYear);
    }
  }

  public static FiscalYear containing(LocalDate japanDate) {
    return new FiscalYear(
        japanDate.getMonthValue() >= Month.APRIL.getValue() ? japanDate.getYear() : japanDate.getYear() - 1);
  }

  public static FiscalYear containing(Instant instant) {
    return containing(PlanClock.dateOf(instant));
  }

  public static FiscalYear containing(Date date) {
    return containing(date.toInstant());
  }

  public static FiscalYear reiwa(int reiwaYear) {
    return new FiscalYear(YEAR_BEFORE_REIWA_1 + reiwaYear);
  }

  /**
   * Reads a fiscal year as staff and the plan's tables write it: "R7" (or "H30" for years before Reiwa) or
   * the Western year it starts in, "2025". Anything else is refused with a Japanese message saying how.
   */
  public static FiscalYear parse(String text) {
    String value = text == null ? "" : text.strip();
    try {
      if (WESTERN.matcher(value).matches()) {
        return new FiscalYear(Integer.parseInt(value));
      }
      Matcher matcher = LABEL.matcher(value.toUpperCase());
      if (matcher.matches()) {
        int number = Integer.parseInt(matcher.group(2));
        return matcher.group(1).equals("R") ? reiwa(number) : new FiscalYear(YEAR_BEFORE_HEISEI_1 + number);
      }
    } catch (IllegalArgumentException outOfRange) {
      // refused below, with the same message as any other unreadable year
    }
    throw new IllegalArgumentException("年度は R7 または 2025 のように指定してください（指定された値: '" + value + "'）");
  }

  /** The Reiwa year number; only meaningful from R1 (2019年度) on. */
  public int reiwaYear() {
    return startYear - YEAR_BEFORE_REIWA_1;
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, Month.APRIL, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, Month.MARCH, 31);
  }

  /** April 1, 00:00 in Japan. */
  public Instant start() {
    return firstDay().atStartOfDay(PlanClock.zone()).toInstant();
  }

  /** The next April 1, 00:00 in Japan: the first moment that no longer belongs to this year. */
  public Instant end() {
    return next().start();
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  public boolean contains(LocalDate japanDate) {
    return !japanDate.isBefore(firstDay()) && !japanDate.isAfter(lastDay());
  }

  public FiscalYear next() {
    return new FiscalYear(startYear + 1);
  }

  public FiscalYear previous() {
    return new FiscalYear(startYear - 1);
  }

  /** "R7" from 2019年度 on, "H30" before: the short form of the plan's tables. */
  public String label() {
    return startYear > YEAR_BEFORE_REIWA_1 ? "R" + reiwaYear() : "H" + (startYear - YEAR_BEFORE_HEISEI_1);
  }

  /** "2025年度". */
  public String westernLabel() {
    return startYear + "年度";
  }

  /** "R7（2025年度）": what staff read in forms and reports. */
  public String displayName() {
    return label() + "（" + westernLabel() + "）";
  }

  @Override
  public int compareTo(FiscalYear other) {
    return Integer.compare(startYear, other.startYear);
  }

  @Override
  public String toString() {
    return label();
  }
}
