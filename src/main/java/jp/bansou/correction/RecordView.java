package jp.bansou.correction;

import java.util.List;
import java.util.Map;

/**
 * A §10 record as a list shows it, as corrected: its fields that may be corrected (so a page draws the correction
 * form from them), what was corrected, and whether the reader may correct it (managers every record, staff their
 * own; auditors and colleagues see no correction button, ADR 0100).
 *
 * @param heading the line staff recognise the record by (2026/04/01 伊藤 健 経営力再構築伴走支援研修会)
 * @param corrections what was corrected, oldest first, as staff read it
 */
public record RecordView(String id, String heading, List<Field> fields, List<String> corrections, boolean correctable) {

  /**
   * @param value the value a form starts from (yyyy-MM-dd for a date, a code for a choice)
   * @param text the value as staff read it (2026/04/01, 北海道商工会議所連合会)
   * @param choices code → label when the field is a choice, else empty
   */
  public record Field(String name, String label, String value, String text, Map<String, String> choices) {}
}
