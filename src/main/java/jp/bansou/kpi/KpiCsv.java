package jp.bansou.kpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The report as CSV for Excel: UTF-8 with a byte-order mark (without it Japanese Excel reads Shift_JIS and
 * shows mojibake), CRLF line ends, every field quoted. Commons CSV writes the fields; the BOM and the guard
 * against formulas are ours.
 */
final class KpiCsv {

  static final String BOM = "\uFEFF";
  private static final CSVFormat EXCEL = CSVFormat.RFC4180.builder()
      .setQuoteMode(QuoteMode.ALL)
      .setRecordSeparator("\r\n")
      .get();
  private static final List<String> HEADERS = List.of(
      "年度", "項番", "区分", "支援内容", "単位", "現状", "目標(A)", "上期実績(4-9月)", "下期実績(10-3月)",
      "年間実績(B)", "達成率(B/A)%");
  /**
   * A running year's sheet carries the page's 年度途中 figures before 判定 (which reads 年度途中): the day they
   * are reckoned for and the year's elapsed share, so a sheet opened weeks later still says what it compared.
   */
  private static final List<String> PACE_HEADERS = List.of(
      "集計日", "年度の経過割合%", "今日までの目標(A×経過割合)", "ペース");
  private static final List<String> CLOSING_HEADERS = List.of("判定", "備考");

  static byte[] write(KpiReport report) {
    boolean running = report.progress() != null && report.progress().running();
    StringBuilder csv = new StringBuilder(BOM);
    try (CSVPrinter printer = new CSVPrinter(csv, EXCEL)) {
      List<String> headers = new ArrayList<>(HEADERS);
      if (running) {
        headers.addAll(PACE_HEADERS);
      }
      headers.addAll(CLOSING_HEADERS);
      printer.printRecord(headers);
      int number = 1;
      for (KpiReport.Row row : report.rows()) {
        List<String> fields = new ArrayList<>(List.of(text(report.fiscalYearName()), String.valueOf(number++),
            text(row.section()), text(row.label()), text(row.unit()), figure(row.baseline()), figure(row.target()),
            figure(row.aprilToSeptember()), figure(row.octoberToMarch()), figure(row.actual()),
            figure(row.achievementPercent())));
        if (running) {
          KpiReport.Pace pace = row.pace();
          fields.addAll(List.of(report.progress().asOf().replace('-', '/'),
              figure(report.progress().elapsedPercent()), pace == null ? "" : figure(pace.targetByToday()),
              pace == null ? "" : text(pace.mark() + " " + pace.label())));
        }
        fields.addAll(List.of(text(row.verdict()), text(row.unmeasuredReason())));
        printer.printRecord(fields);
      }
    } catch (IOException cannotHappen) {
      throw new UncheckedIOException(cannotHappen);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String figure(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  /**
   * Text as Excel shows it, never run: a label a chamber wrote in its targets file that starts like a formula
   * (=, +, -, @, or a tab or line break before one) gets a leading apostrophe, so opening the file computes
   * nothing. Figures are written by {@link #figure} and keep their minus sign.
   */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  private KpiCsv() {}
}
