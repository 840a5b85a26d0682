package jp.bansou.correction;

import java.util.Date;
import java.util.List;

/**
 * One correction of a record: who corrected it, when, why, and each corrected variable's value before and after.
 *
 * @param id the correction's own case ({@code record-correction})
 * @param correctedCase the record's case
 */
public record Correction(String id, String correctedCase, Date time, String by, String reason, List<Change> changes) {

  /** @param before the value before this correction (the record's own, or an earlier correction's) */
  public record Change(String variable, Object before, Object after) {}
}
