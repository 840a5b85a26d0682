package jp.bansou.staff;

import jp.bansou.security.StaffDirectory;
import static jp.bansou.input.RecordInput.date;
import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.today;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Checks an external training as it is recorded and prepares its transfer training: the attendee (the
 * recording staff member; only a manager records for someone else) becomes the case's business key, so the
 * KPI report counts trained staff as distinct keys, and the transfer training's due date is set.
 */
@Component
public class CheckTrainingRecord implements ExecutionListener {

  /** The organisers and categories as the start form lists them (forms/external-training-start.form). */
  static final Map<String, String> ORGANISERS = new LinkedHashMap<>();
  static final Map<String, String> CATEGORIES = new LinkedHashMap<>();
  static {
    ORGANISERS.put("jcci", "日本商工会議所");
    ORGANISERS.put("hokkaido", "北海道商工会議所連合会");
    ORGANISERS.put("smrj-university", "中小企業大学校");
    ORGANISERS.put("bank", "地域金融機関");
    ORGANISERS.put("smrj", "中小企業基盤整備機構");
    ORGANISERS.put("other", "その他");
    CATEGORIES.put("skills", "支援能力（経営課題・販路開拓・事業計画）");
    CATEGORIES.put("dx", "DX推進（業務効率化・販路開拓のIT活用）");
    CATEGORIES.put("accompanying", "経営力再構築伴走支援研修会");
    CATEGORIES.put("reskilling", "リスキリング（業務課題）");
    CATEGORIES.put("other", "その他");
  }

  private final StaffDirectory staff;
  private final StaffTrainings trainings;

  CheckTrainingRecord(StaffDirectory staff, StaffTrainings trainings) {
    this.staff = staff;
    this.trainings = trainings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    // who is signed in, not a variable a REST caller could set: only a manager records for someone else
    Authentication signedIn = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String recordedBy = signedIn == null ? null : signedIn.getUserId();
    execution.setVariable("recordedBy", recordedBy);
    String attendee = text(execution.getVariable("attendee"));
    if (attendee == null) {
      attendee = recordedBy;
    }
    if (attendee == null || !staff.isStaff(attendee)) {
      problems.add("参加した職員を経営指導員・補助員のユーザーIDで入力してください");
    } else if (recordedBy != null && !attendee.equals(recordedBy) && !staff.isManager(recordedBy)) {
      problems.add("ほかの職員の研修は記録できません。自分の研修を記録するか、管理者に依頼してください");
    }
    LocalDate trainingDate = date(execution.getVariable("trainingDate"));
    problems.addAll(check(execution.getVariables()));
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("。", problems) + "。");
    }
    execution.setVariable("attendee", attendee);
    execution.setVariable("attendeeName", staff.nameOf(attendee));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(attendee);
    }
    execution.setVariable("transferDueDate", trainings.transferDueDate(trainingDate));
    execution.setVariable("transferDueDateAsPlanned", trainings.transferDueDateAsPlanned(trainingDate));
  }

  /** The rules of the training itself (date, organiser, title, category), for the record and its corrections. */
  static List<String> check(Map<String, Object> record) {
    List<String> problems = new ArrayList<>();
    LocalDate trainingDate = date(record.get("trainingDate"));
    if (trainingDate == null) {
      problems.add("研修の日付を入力してください（例 2026-11-20）");
    } else if (trainingDate.isAfter(today())) {
      problems.add("研修の日付に未来の日付は入力できません。参加した後に記録してください");
    }
    if (!ORGANISERS.containsKey(record.get("organiser"))) {
      problems.add("主催を一覧から選んでください");
    } else if ("other".equals(record.get("organiser")) && isBlank(record.get("organiserName"))) {
      problems.add("主催が「その他」のときは主催者名を入力してください");
    }
    if (isBlank(record.get("trainingTitle"))) {
      problems.add("研修名を入力してください");
    }
    if (!CATEGORIES.containsKey(record.get("trainingCategory"))) {
      problems.add("研修の分類を選んでください");
    }
    return problems;
  }

  private static String text(Object value) {
    return isBlank(value) ? null : value.toString().strip();
  }
}
