package jp.bansou.followup;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import jp.bansou.calendar.PlanClock;
import jp.bansou.mail.StaffMail;
import jp.bansou.security.StaffGroup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The e-mails that accompany an overdue visit's reminder and its escalation, in Japanese. */
@Component("overdueVisitMail")
public class OverdueVisitMail {

  private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final String SIGNATURE = "―― 伴走支援システム Bansō（このメールは自動送信です）";

  private final StaffMail mail;
  private final FollowUpSchedules schedules;

  OverdueVisitMail(StaffMail mail, FollowUpSchedules schedules) {
    this.mail = mail;
    this.schedules = schedules;
  }

  public void remindAdvisor(DelegateExecution execution) {
    Visit visit = Visit.of(execution);
    String advisor = (String) execution.getVariable("advisor");
    mail.toUser(
        advisor,
        "【巡回訪問の督促】" + visit.businessName() + " 様への第" + visit.number() + "回訪問が期限を過ぎています",
        mail.displayName(advisor) + " 様\n\n"
            + visit.businessName() + " 様（事業者 " + visit.businessKey() + "）への第" + visit.number()
            + "回巡回訪問が、期限の " + date(visit.dueDate()) + " を過ぎています。\n"
            + "訪問を済ませ、タスク一覧（Tasklist）の「巡回訪問を記録する」で記録してください。\n"
            + "訪問の予定は「遅れている訪問の予定を立てる」で登録できます。\n\n"
            + date(schedules.escalationDate(visit.dueDate())) + " までに記録がない場合は、事務局（管理者）に引き継がれます。\n\n"
            + SIGNATURE);
  }

  public void alertManagers(DelegateExecution execution) {
    Visit visit = Visit.of(execution);
    String advisor = (String) execution.getVariable("advisor");
    mail.toGroup(
        StaffGroup.MANAGERS.id(),
        "【要対応】" + visit.businessName() + " 様への第" + visit.number() + "回巡回訪問が大きく遅れています",
        "事務局 各位\n\n"
            + "担当 " + mail.displayName(advisor) + " の " + visit.businessName() + " 様（事業者 " + visit.businessKey()
            + "）への第" + visit.number() + "回巡回訪問が、期限の " + date(visit.dueDate()) + " を過ぎても記録されていません。\n"
            + "タスク一覧（Tasklist）の「遅れている訪問に対応する」で対応を記録してください。\n\n"
            + SIGNATURE);
  }

  private static String date(Date date) {
    return JAPANESE_DATE.format(date.toInstant().atZone(PlanClock.zone()));
  }

  private record Visit(String businessKey, String businessName, Object number, Date dueDate) {
    static Visit of(DelegateExecution execution) {
      return new Visit(
          execution.getProcessBusinessKey(),
          (String) execution.getVariable("businessName"),
          execution.getVariable("visitNumber"),
          (Date) execution.getVariable("visitDueDate"));
    }
  }
}
