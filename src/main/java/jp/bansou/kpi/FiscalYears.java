package jp.bansou.kpi;

import java.util.regex.Pattern;
import jp.bansou.calendar.FiscalYear;

/** Reads a fiscal year as staff write it: the plan's "R7" or the Western year it starts in, "2025". */
final class FiscalYears {

  private static final Pattern WESTERN = Pattern.compile("\\d{4}");

  static FiscalYear parse(String text) {
    String value = text == null ? "" : text.strip();
    try {
      return WESTERN.matcher(value).matches() ? new FiscalYear(Integer.parseInt(value)) : FiscalYear.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("年度は R7 または 2025 のように指定してください（指定された値: '" + value + "'）", e);
    }
  }

  private FiscalYears() {}
}
