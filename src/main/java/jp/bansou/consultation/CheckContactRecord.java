package jp.bansou.consultation;

import static jp.bansou.input.RecordInput.date;
import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.today;

import java.time.LocalDate;
import jp.bansou.calendar.FiscalYear;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import jp.bansou.security.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * Checks a contact record as it is started (Tasklist's start form, the case file, the REST API) and derives
 * what the model and the case file read: who had the contact ({@code contactStaff}, the recording staff
 * member unless a manager records for someone), the topics as text, whether a next action follows and when
 * it is due. Anything wrong is refused before the record exists, in Japanese, with every reason at once.
 */
@Component
public class CheckContactRecord implements ExecutionListener {

  static final String CONTACT_STAFF = "contactStaff";

  private final StaffDirectory staffDirectory;
  private final ContactSchedule schedule;

  CheckContactRecord(StaffDirectory staffDirectory, ContactSchedule schedule) {
    this.staffDirectory = staffDirectory;
    this.schedule = schedule;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    LocalDate contactDate = date(execution.getVariable("contactDate"));
    checkDateAndChannel(contactDate, execution.getVariable("channel"), problems);
    // who is signed in, not a variable a REST caller could set: only a manager records for someone else
    Authentication signedIn = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String recordedBy = signedIn == null ? null : signedIn.getUserId();
    execution.setVariable("recordedBy", recordedBy);
    String staff = text(execution.getVariable(CONTACT_STAFF));
    if (staff == null) {
      staff = recordedBy;
    }
    if (staff == null || !staffDirectory.isStaff(staff)) {
      problems.add("対応した職員を経営指導員・補助員のユーザーIDで入力してください");
    } else if (recordedBy != null && !staff.equals(recordedBy) && !staffDirectory.isManager(recordedBy)) {
      problems.add("ほかの職員の相談は記録できません。自分の相談を記録するか、管理者に依頼してください");
    }
    String accompanying = text(execution.getVariable("accompanyingStaff"));
    checkAccompanying(staffDirectory, staff, accompanying, problems);
    String topics = Stream.of(Topic.values())
        .filter(topic -> Boolean.TRUE.equals(execution.getVariable(topic.variable())))
        .map(Topic::label).collect(Collectors.joining("、"));
    if (topics.isEmpty()) {
      problems.add("相談の分野を1つ以上選んでください");
    }
    checkHeard(execution.getVariable("heard"), problems);
    boolean hasNextAction = !isBlank(execution.getVariable("nextAction"));
    Object dueValue = execution.getVariable("nextActionDue");
    LocalDate due = date(dueValue);
    if (!isBlank(dueValue) && due == null) {
      problems.add("次のアクションの期限を日付で入力してください（例 2026-12-16）");
    } else if (due != null && contactDate != null && due.isBefore(contactDate)) {
      problems.add("次のアクションの期限は相談・訪問の日付より後にしてください");
    } else if (due != null && !hasNextAction) {
      problems.add("期限を入れたときは次のアクションの内容も入力してください");
    }
    Object track = execution.getVariable("followingTrack");
    if (!isBlank(track) && !StartTrackFromContact.TRACKS.containsKey(track.toString())) {
      problems.add("始める支援を一覧から選んでください");
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join("。", problems) + "。");
    }
    execution.setVariable(CONTACT_STAFF, staff);
    execution.setVariable("accompanyingStaff", accompanying);
    execution.setVariable("topics", topics);
    execution.setVariable("contactFiscalYear", FiscalYear.containing(contactDate).label());
    execution.setVariable("hasNextAction", hasNextAction);
    execution.setVariable("followingTrack", isBlank(track) ? null : track.toString());
    if (hasNextAction) {
      execution.setVariable("nextActionDueDate", schedule.nextActionDueDate(due));
      execution.setVariable("nextActionDueDateAsPlanned", schedule.nextActionDueDateAsPlanned(due));
    }
  }

  /** The rules of a contact's date and channel, for the record and its corrections alike. */
  static void checkDateAndChannel(LocalDate contactDate, Object channel, List<String> problems) {
    if (contactDate == null) {
      problems.add("相談・訪問の日付を入力してください（例 2026-12-02）");
    } else if (contactDate.isAfter(today())) {
      problems.add("相談・訪問の日付に未来の日付は入力できません");
    }
    if (Channel.of(channel).isEmpty()) {
      problems.add("相談の方法を " + Stream.of(Channel.values()).map(Channel::label).collect(Collectors.joining("・"))
          + " から選んでください");
    }
  }

  static void checkAccompanying(StaffDirectory staffDirectory, String staff, String accompanying,
      List<String> problems) {
    if (accompanying != null && (!staffDirectory.isStaff(accompanying) || accompanying.equals(staff))) {
      problems.add("同行した職員（OJT）は、対応した職員とは別の経営指導員・補助員のユーザーIDで入力してください");
    }
  }

  static void checkHeard(Object heard, List<String> problems) {
    if (isBlank(heard)) {
      problems.add("聞き取った内容を入力してください");
    }
  }

  static String text(Object value) {
    return isBlank(value) ? null : value.toString().strip();
  }
}
