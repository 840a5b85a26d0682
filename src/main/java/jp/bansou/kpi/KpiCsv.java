package jp.bansou.kpi;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as CSV for Excel: UTF-8 with a byte-order mark (without it Japanese Excel reads Shift_JIS and
 * shows mojibake), CRLF line ends, every field quoted.
 */
final class KpiCsv {

  static final String BOM = "\uFEFF";
  private static final List<String> HEADERS = List.of(
      "年度", "項番", "区分", "支援内容", "単位", "現状", "目標(A)", "上期実績(4-9月)", "下期実績(10-3月)",
      "年間実績(B)", "達成率(B/A)%", "判定", "備考");

  static byte[] write(KpiReport report) {
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, HEADERS);
    int number = 1;
    for (KpiReport.Row row : report.rows()) {
      line(csv, List.of(report.fiscalYearName(), String.valueOf(number++), row.section(), row.label(), row.unit(),
          figure(row.baseline()), figure(row.target()), figure(row.aprilToSeptember()), figure(row.octoberToMarch()),
          figure(row.actual()), figure(row.achievementPercent()), row.verdict(),
          row.unmeasuredReason() == null ? "" : row.unmeasuredReason()));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String figure(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append('"').append(fields.get(i).replace("\"", "\"\"")).append('"');
    }
    csv.append("\r\n");
  }

  private KpiCsv() {}
}
