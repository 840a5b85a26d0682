package jp.bansou.consultation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tally as CSV for Excel, as the KPI report writes its own: UTF-8 with a byte-order mark (without it
 * Japanese Excel reads Shift_JIS and shows mojibake), CRLF line ends, every field quoted.
 */
final class ContactTallyCsv {

  static byte[] write(ContactTally tally) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    List<String> headers = new ArrayList<>(List.of("年度", "職員ID", "職員名"));
    headers.addAll(tally.channels().values());
    headers.add("合計");
    line(csv, headers);
    for (ContactTally.Row row : tally.rows()) {
      List<String> fields = new ArrayList<>(List.of(tally.fiscalYearName(), row.staff(), row.staffName()));
      row.counts().values().forEach(count -> fields.add(String.valueOf(count)));
      fields.add(String.valueOf(row.total()));
      line(csv, fields);
    }
    List<String> totals = new ArrayList<>(List.of(tally.fiscalYearName(), "", "合計"));
    tally.totals().values().forEach(count -> totals.add(String.valueOf(count)));
    totals.add(String.valueOf(tally.total()));
    line(csv, totals);
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append('"').append(fields.get(i) == null ? "" : fields.get(i).replace("\"", "\"\"")).append('"');
    }
    csv.append("\r\n");
  }

  private ContactTallyCsv() {}
}
