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
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Refuses a transfer training without its date, attendees (staff user ids) or material; normalises the attendees. */
@Component
public class CheckTransferTrainingRecord implements ExecutionListener {

  private final StaffDirectory staff;

  CheckTransferTrainingRecord(StaffDirectory staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Map<String, Object> record = new HashMap<>(execution.getVariables());
    refuseIfAny(check(record));
    execution.setVariable("transferAttendees", record.get("transferAttendees"));
    execution.setVariable("transferAttendeeCount", record.get("transferAttendeeCount"));
  }

  /** The rules of a transfer training, for the record and its corrections alike; normalises in place. */
  List<String> check(Map<String, Object> record) {
    List<String> problems = new ArrayList<>();
    LocalDate transferDate = date(record.get("transferDate"));
    LocalDate trainingDate = date(record.get("trainingDate"));
    if (transferDate == null) {
      problems.add("伝達研修の日付を入力してください（例 2026-12-10）");
    } else if (transferDate.isAfter(today())) {
      problems.add("伝達研修の日付に未来の日付は入力できません");
    } else if (trainingDate != null && transferDate.isBefore(trainingDate)) {
      problems.add("伝達研修の日付は外部研修の日付より後にしてください");
    }
    List<String> attendees = StaffDirectory.ids(record.get("transferAttendees"));
    List<String> unknown = staff.unknown(attendees);
    if (attendees.isEmpty()) {
      problems.add("伝達研修に参加した職員のユーザーIDを入力してください");
    } else if (!unknown.isEmpty()) {
      problems.add("参加した職員に職員ではないユーザーIDがあります: " + String.join("、", unknown));
    }
    if (isBlank(record.get("transferMaterial"))) {
      problems.add("資料の題名を入力してください");
    }
    if (problems.isEmpty()) {
      record.put("transferAttendees", String.join(", ", attendees));
      record.put("transferAttendeeCount", (long) attendees.size());
    }
    return problems;
  }
}
