package jp.bansou.consultation;

import static jp.bansou.input.RecordInput.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.correction.CorrectableRecord;
import jp.bansou.security.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * What of a contact may be corrected (a wrong date, channel, staff member, OJT companion, what was heard, the next
 * action's text), checked with the rules of {@link CheckContactRecord}; a corrected date moves the contact into
 * the fiscal year it belongs to.
 */
@Component
class ContactCorrection implements CorrectableRecord {

  private static final Map<String, String> FIELDS = new LinkedHashMap<>();
  static {
    FIELDS.put("contactDate", "相談・訪問の日付");
    FIELDS.put("channel", "相談の方法");
    FIELDS.put("contactStaff", "対応した職員");
    FIELDS.put("accompanyingStaff", "同行した職員（OJT）");
    FIELDS.put("heard", "聞き取った内容");
    FIELDS.put("nextAction", "次のアクション");
  }

  private final StaffDirectory staffDirectory;

  ContactCorrection(StaffDirectory staffDirectory) {
    this.staffDirectory = staffDirectory;
  }

  @Override
  public String processKey() {
    return ContactRecords.PROCESS;
  }

  @Override
  public Map<String, String> fields() {
    return FIELDS;
  }

  @Override
  public List<String> derived() {
    return List.of("contactFiscalYear");
  }

  @Override
  public Set<String> owners(Map<String, Object> record) {
    Set<String> owners = new HashSet<>();
    owners.add(Objects.toString(record.get(CheckContactRecord.CONTACT_STAFF), null));
    owners.add(Objects.toString(record.get("recordedBy"), null));
    owners.remove(null);
    return owners;
  }

  @Override
  public List<String> check(Map<String, Object> record) {
    List<String> problems = new ArrayList<>();
    LocalDate contactDate = date(record.get("contactDate"));
    CheckContactRecord.checkDateAndChannel(contactDate, record.get("channel"), problems);
    String staff = CheckContactRecord.text(record.get(CheckContactRecord.CONTACT_STAFF));
    if (staff == null || !staffDirectory.isStaff(staff)) {
      problems.add("対応した職員を経営指導員・補助員のユーザーIDで入力してください");
    }
    String accompanying = CheckContactRecord.text(record.get("accompanyingStaff"));
    CheckContactRecord.checkAccompanying(staffDirectory, staff, accompanying, problems);
    CheckContactRecord.checkHeard(record.get("heard"), problems);
    if (problems.isEmpty()) {
      record.put("contactDate", contactDate.toString());
      record.put(CheckContactRecord.CONTACT_STAFF, staff);
      record.put("accompanyingStaff", accompanying);
      record.put("contactFiscalYear", FiscalYear.containing(contactDate).label());
    }
    return problems;
  }

  @Override
  public String text(String variable, Object value) {
    if ("channel".equals(variable)) {
      return Channel.of(value).map(Channel::label).orElse(String.valueOf(value));
    }
    if (value != null && (CheckContactRecord.CONTACT_STAFF.equals(variable) || "accompanyingStaff".equals(variable))) {
      return staffDirectory.nameOf(value.toString());
    }
    return CorrectableRecord.super.text(variable, value);
  }
}
