package jp.bansou.correction;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kind of record that managers may correct after it is written (plan §10 records: a contact, an external
 * training with its transfer training, a staff meeting). The record's own package says which of its variables
 * may be corrected and checks a corrected record with the same rules as when it was recorded.
 */
public interface CorrectableRecord {

  /** The record's process (the record is that case's variables, ADR 0080). */
  String processKey();

  /** The variables that may be corrected, in the order a form shows them, with their Japanese labels. */
  Map<String, String> fields();

  /** The codes a field may take with their labels (organisers of a training), in order; empty for free input. */
  default Map<String, String> choices(String variable) {
    return Map.of();
  }

  /** A value as staff read it (「電話」 for {@code phone}, 2026/11/27 for a date); empty for none. */
  default String text(String variable, Object value) {
    if (value == null || value.toString().isBlank()) {
      return "（なし）";
    }
    String text = choices(variable).getOrDefault(value.toString(), value.toString());
    return text.matches("\\d{4}-\\d{2}-\\d{2}") ? text.replace('-', '/') : text;
  }

  /** Variables derived from the fields (a contact's fiscal year), corrected with them. */
  default List<String> derived() {
    return List.of();
  }

  /** Staff whose own record it is: they may correct it; managers correct every record. */
  Set<String> owners(Map<String, Object> record);

  /**
   * Checks the corrected record as a whole with the rules it was recorded with, normalising and deriving values
   * in place; the Japanese reasons of what is wrong, empty if nothing is.
   */
  List<String> check(Map<String, Object> record);
}
