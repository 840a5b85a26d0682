package jp.bansou.staff;

import static jp.bansou.input.RecordInput.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.bansou.correction.CorrectableRecord;
import jp.bansou.security.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * What of an external training and its transfer training may be corrected, checked with the rules they were
 * recorded with ({@link CheckTrainingRecord}, {@link CheckTransferTrainingRecord}). A corrected training date
 * does not move a transfer training already due: its due date stays the one staff were given.
 */
@Component
class TrainingCorrection implements CorrectableRecord {

  static final String PROCESS = "external-training";
  private static final Map<String, String> FIELDS = new LinkedHashMap<>();
  static {
    FIELDS.put("trainingDate", "研修の日付");
    FIELDS.put("organiser", "主催");
    FIELDS.put("organiserName", "主催者名");
    FIELDS.put("trainingTitle", "研修名");
    FIELDS.put("trainingCategory", "研修の分類");
    FIELDS.put("transferDate", "伝達研修の日付");
    FIELDS.put("transferAttendees", "伝達研修に参加した職員");
    FIELDS.put("transferMaterial", "資料の題名");
  }

  private final CheckTransferTrainingRecord transfer;
  private final StaffDirectory staff;

  TrainingCorrection(CheckTransferTrainingRecord transfer, StaffDirectory staff) {
    this.transfer = transfer;
    this.staff = staff;
  }

  /** The transfer training's attendees by name, as staff know each other; the correction form keeps their ids. */
  @Override
  public String text(String variable, Object value) {
    return "transferAttendees".equals(variable) && !StaffDirectory.ids(value).isEmpty() ? staff.namesOf(value)
        : CorrectableRecord.super.text(variable, value);
  }

  @Override
  public String processKey() {
    return PROCESS;
  }

  @Override
  public Map<String, String> fields() {
    return FIELDS;
  }

  @Override
  public Map<String, String> choices(String variable) {
    return switch (variable) {
      case "organiser" -> CheckTrainingRecord.ORGANISERS;
      case "trainingCategory" -> CheckTrainingRecord.CATEGORIES;
      default -> Map.of();
    };
  }

  @Override
  public List<String> derived() {
    return List.of("transferAttendeeCount");
  }

  @Override
  public Set<String> owners(Map<String, Object> record) {
    Set<String> owners = new HashSet<>();
    owners.add(Objects.toString(record.get("attendee"), null));
    owners.add(Objects.toString(record.get("recordedBy"), null));
    owners.remove(null);
    return owners;
  }

  @Override
  public List<String> check(Map<String, Object> record) {
    List<String> problems = new ArrayList<>(CheckTrainingRecord.check(record));
    // the transfer training is checked once it is recorded, as when it was
    if (record.get("transferDate") != null || record.get("transferAttendees") != null) {
      problems.addAll(transfer.check(record));
    }
    LocalDate trainingDate = date(record.get("trainingDate"));
    if (problems.isEmpty() && !(record.get("trainingDate") instanceof java.util.Date)) {
      record.put("trainingDate", trainingDate.toString());
    }
    LocalDate transferDate = date(record.get("transferDate"));
    if (problems.isEmpty() && transferDate != null && !(record.get("transferDate") instanceof java.util.Date)) {
      record.put("transferDate", transferDate.toString());
    }
    return problems;
  }
}
