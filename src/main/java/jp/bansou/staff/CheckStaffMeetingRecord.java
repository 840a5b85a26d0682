package jp.bansou.staff;

import jp.bansou.security.StaffDirectory;
import static jp.bansou.input.RecordInput.date;
import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.refuseIfAny;
import static jp.bansou.input.RecordInput.today;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a staff meeting record without its date, attendees or notes, or naming a business the registry does
 * not know; normalises the lists, so each discussed business's case file finds the meeting.
 */
@Component
public class CheckStaffMeetingRecord implements ExecutionListener {

  private final StaffDirectory staff;
  private final BusinessRegistry registry;

  CheckStaffMeetingRecord(StaffDirectory staff, BusinessRegistry registry) {
    this.staff = staff;
    this.registry = registry;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Map<String, Object> record = new HashMap<>(execution.getVariables());
    refuseIfAny(check(record));
    execution.setVariable("meetingAttendees", record.get("meetingAttendees"));
    execution.setVariable("discussedBusinesses", record.get("discussedBusinesses"));
  }

  /** The rules of a meeting record, for the record and its corrections alike; normalises the lists in place. */
  List<String> check(Map<String, Object> record) {
    List<String> problems = new ArrayList<>();
    LocalDate meetingDate = date(record.get("meetingDate"));
    if (meetingDate == null) {
      problems.add("開催日を入力してください（例 2026-12-05）");
    } else if (meetingDate.isAfter(today())) {
      problems.add("開催日に未来の日付は入力できません");
    }
    List<String> attendees = StaffDirectory.ids(record.get("meetingAttendees"));
    List<String> unknownStaff = staff.unknown(attendees);
    if (attendees.isEmpty()) {
      problems.add("参加した職員のユーザーIDを入力してください");
    } else if (!unknownStaff.isEmpty()) {
      problems.add("参加した職員に職員ではないユーザーIDがあります: " + String.join("、", unknownStaff));
    }
    List<String> businesses = StaffDirectory.ids(record.get("discussedBusinesses"));
    List<String> unknownBusinesses = businesses.stream().filter(id -> registry.find(id).isEmpty()).toList();
    if (!unknownBusinesses.isEmpty()) {
      problems.add("事業者台帳にない事業者IDがあります: " + String.join("、", unknownBusinesses)
          + "。経営カルテで事業者IDを確かめてください");
    }
    if (isBlank(record.get("meetingNotes"))) {
      problems.add("共有した内容を入力してください");
    }
    if (problems.isEmpty()) {
      if (meetingDate != null && !(record.get("meetingDate") instanceof java.util.Date)) {
        record.put("meetingDate", meetingDate.toString());
      }
      record.put("meetingAttendees", String.join(", ", attendees));
      record.put("discussedBusinesses", String.join(", ", businesses));
    }
    return problems;
  }
}
