package jp.bansou.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Case trails as CSV for Excel, what a prefecture's 経営カルテ audit or the evaluation committee asks for: one
 * line per event (start, each step, each change of a figure, comment, incident, end), oldest first. UTF-8 with a
 * byte-order mark (without it Japanese Excel reads Shift_JIS), CRLF, every field quoted, as the KPI report's
 * CSV; and no field starts with {@code = + - @} (or a tab or carriage return), which Excel would run as a
 * formula: such a text, typed into a form by anyone, gets a leading apostrophe.
 */
final class TrailCsv {

  static final String BOM = "\uFEFF";
  private static final List<String> HEADERS_JA = List.of("日時", "終了日時", "区分", "内容", "担当者", "実行者",
      "変更前", "変更後", "所要時間", "タスク", "案件ID", "事業者ID", "事業者名", "支援の種類", "年度", "状態");
  private static final List<String> HEADERS_EN = List.of("Time", "Ended", "Kind", "What", "Assignee", "Done by",
      "Old value", "New value", "Duration", "Task", "Case id", "Business id", "Business name", "Track",
      "Fiscal year", "State");

  private record Line(String time, int order, List<String> fields) {}

  static byte[] write(List<CaseTrail> trails, boolean english) {
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, english ? HEADERS_EN : HEADERS_JA);
    for (CaseTrail trail : trails) {
      for (Line line : lines(trail)) {
        line(csv, line.fields());
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<Line> lines(CaseTrail trail) {
    CaseTrail.Case c = trail.summary();
    List<Line> lines = new ArrayList<>();
    int order = 0;
    lines.add(line(c, c.started(), order++, "", "案件の開始", c.processName(), "", c.startedBy(), "", "", "", ""));
    for (CaseTrail.Activity a : trail.activities()) {
      if (a.name() == null || a.name().isBlank()) {
        continue; // an unnamed gateway or event: a junction of the diagram, no step anybody took
      }
      lines.add(line(c, a.started(), order++, a.ended(), "活動", a.name(), a.assigneeName(), a.completedByName(), "",
          "", a.duration(), ""));
    }
    for (CaseTrail.VariableChange v : trail.variableChanges()) {
      lines.add(line(c, v.time(), order++, "", "項目の変更", v.label(), "", v.byName(), v.oldValue(), v.newValue(), "",
          v.task()));
    }
    for (CaseTrail.Comment comment : trail.comments()) {
      lines.add(line(c, comment.time(), order++, "", "コメント", comment.text(), "", comment.byName(), "", "", "",
          comment.task()));
    }
    for (CaseTrail.Incident incident : trail.incidents()) {
      lines.add(line(c, incident.created(), order++, incident.ended(), "インシデント",
          incident.activity() + "：" + incident.type() + "（" + incident.state() + "）"
              + (incident.message() == null ? "" : " " + incident.message()),
          "", "", "", incident.resolution(), "", ""));
    }
    if (!c.ended().isEmpty()) {
      lines.add(line(c, c.ended(), order, "", "案件の終了", c.outcome(), "", "", "", "", c.duration(), ""));
    }
    // the time is "yyyy/MM/dd HH:mm": its text sorts as the time does; within a minute the order of the history
    lines.sort(Comparator.comparing(Line::time).thenComparing(Line::order));
    return lines;
  }

  private static Line line(CaseTrail.Case c, String time, int order, String ended, String kind, String what,
      String assignee, String by, String oldValue, String newValue, String duration, String task) {
    return new Line(time, order, List.of(time, ended, kind, text(what), text(assignee), text(by), text(oldValue),
        text(newValue), duration, text(task), c.id(), text(c.businessKey()), text(c.businessName()),
        text(c.processName()), c.fiscalYear(), c.stateName()));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  /** Excel runs a cell starting with one of these as a formula (CSV injection): an apostrophe makes it text. */
  static String safe(String field) {
    if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
      return "'" + field;
    }
    return field;
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append('"').append(safe(fields.get(i)).replace("\"", "\"\"")).append('"');
    }
    csv.append("\r\n");
  }

  private TrailCsv() {}
}
