package jp.bansou.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.bansou.correction.CorrectableRecord;
import jp.bansou.security.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * What of a staff meeting's record may be corrected (its date, attendees, the businesses discussed, the notes),
 * checked with the rules of {@link CheckStaffMeetingRecord}. The attendees may correct the record of their meeting.
 */
@Component
class MeetingCorrection implements CorrectableRecord {

  private static final Map<String, String> FIELDS = new LinkedHashMap<>();
  static {
    FIELDS.put("meetingDate", "開催日");
    FIELDS.put("meetingAttendees", "参加した職員");
    FIELDS.put("discussedBusinesses", "話し合った事業者");
    FIELDS.put("meetingNotes", "共有した内容");
  }

  private final CheckStaffMeetingRecord rules;
  private final StaffDirectory staff;

  MeetingCorrection(CheckStaffMeetingRecord rules, StaffDirectory staff) {
    this.rules = rules;
    this.staff = staff;
  }

  /** Attendees by name, as staff know each other; the correction form keeps their user ids. */
  @Override
  public String text(String variable, Object value) {
    return "meetingAttendees".equals(variable) && !StaffDirectory.ids(value).isEmpty() ? staff.namesOf(value)
        : CorrectableRecord.super.text(variable, value);
  }

  @Override
  public String processKey() {
    return StaffMeetingTimer.PROCESS;
  }

  @Override
  public Map<String, String> fields() {
    return FIELDS;
  }

  @Override
  public Set<String> owners(Map<String, Object> record) {
    return Set.copyOf(StaffDirectory.ids(record.get("meetingAttendees")));
  }

  @Override
  public List<String> check(Map<String, Object> record) {
    return rules.check(record);
  }
}
