package jp.bansou.staff;

import jp.bansou.security.StaffDirectory;
import static jp.bansou.input.RecordInput.date;
import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.refuseIfAny;
import static jp.bansou.input.RecordInput.today;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    List<String> problems = new ArrayList<>();
    LocalDate transferDate = date(execution.getVariable("transferDate"));
    LocalDate trainingDate = date(execution.getVariable("trainingDate"));
    if (transferDate == null) {
      problems.add("伝達研修の日付を入力してください（例 2026-12-10）");
    } else if (transferDate.isAfter(today())) {
      problems.add("伝達研修の日付に未来の日付は入力できません");
    } else if (trainingDate != null && transferDate.isBefore(trainingDate)) {
      problems.add("伝達研修の日付は外部研修の日付より後にしてください");
    }
    List<String> attendees = StaffDirectory.ids(execution.getVariable("transferAttendees"));
    List<String> unknown = staff.unknown(attendees);
    if (attendees.isEmpty()) {
      problems.add("伝達研修に参加した職員のユーザーIDを入力してください");
    } else if (!unknown.isEmpty()) {
      problems.add("参加した職員に職員ではないユーザーIDがあります: " + String.join("、", unknown));
    }
    if (isBlank(execution.getVariable("transferMaterial"))) {
      problems.add("資料の題名を入力してください");
    }
    refuseIfAny(problems);
    execution.setVariable("transferAttendees", String.join(", ", attendees));
    execution.setVariable("transferAttendeeCount", (long) attendees.size());
  }
}
