package jp.bansou.history;

import jp.bansou.calendar.PlanClock;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.calendar.PlanDates;

/**
 * How the history reads to Japanese staff and auditors: times in Japan time ({@code 2026/12/02 14:05}),
 * amounts with thousands separators, yes/no as はい/いいえ, ISO dates as {@code 2026/12/02}. The same text in
 * the view, the printable page and the CSV, so what an auditor prints is what they saw.
 */
final class JapaneseText {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  static String time(Date date) {
    return date == null ? "" : MINUTES.format(date.toInstant().atZone(PlanClock.zone()));
  }

  static String time(Instant instant) {
    return instant == null ? "" : MINUTES.format(instant.atZone(PlanClock.zone()));
  }

  /** "3日 4時間", "2時間 5分", "5分", "1分未満": as precise as an auditor reads it. */
  static String duration(Date start, Date end) {
    if (start == null || end == null) {
      return "";
    }
    Duration duration = Duration.between(start.toInstant(), end.toInstant());
    long days = duration.toDays();
    long hours = duration.toHoursPart();
    long minutes = duration.toMinutesPart();
    if (days > 0) {
      return days + "日" + (hours > 0 ? " " + hours + "時間" : "");
    }
    if (hours > 0) {
      return hours + "時間" + (minutes > 0 ? " " + minutes + "分" : "");
    }
    return minutes > 0 ? minutes + "分" : "1分未満";
  }

  /** A variable's value as staff entered it, in Japanese notation; {@code null} as an empty text. */
  static String value(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean flag) {
      return flag ? "はい" : "いいえ";
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.JAPAN));
      return format.format(value);
    }
    if (value instanceof Number number) {
      return String.format(Locale.JAPAN, "%,d", number.longValue());
    }
    if (value instanceof Date date) {
      return time(date);
    }
    String text = value.toString();
    if (ISO_DATE.matcher(text).matches()) {
      LocalDate day = PlanDates.read(text);
      return day == null ? text : DAY.format(day);
    }
    return text;
  }

  private JapaneseText() {}
}
