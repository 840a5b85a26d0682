package jp.bansou.fair;

import static jp.bansou.input.RecordInput.date;
import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Checks of a business meeting's records that the forms make in Tasklist, for REST callers (400 with the
 * Japanese reasons): the customer list (the form's dynamic list, JSON {@code leads}, one business card a
 * record) and each lead's follow-up; and the deals against the plan's target.
 */
final class Leads {

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Set<String> STATUSES = Set.of("negotiating", "deal", "failed");

  private Leads() {}

  @Component("checkCustomerList")
  static class CheckCustomerList implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (execution.isCanceled()) {
        return;
      }
      List<String> problems = new ArrayList<>();
      if (!(execution.getVariable("leads") instanceof SpinJsonNode leads) || !leads.isArray()) {
        problems.add("顧客リスト（名刺1枚につき1行）を入力してください。名刺がなければ空のリストにしてください");
      } else {
        int row = 0;
        for (SpinJsonNode lead : leads.elements()) {
          row++;
          if (!lead.isObject() || !lead.hasProp("company") || !lead.prop("company").isString()
              || lead.prop("company").stringValue().isBlank()) {
            problems.add(row + "行目：会社名を入力してください");
            continue;
          }
          if (lead.hasProp("email") && lead.prop("email").isString() && !lead.prop("email").stringValue().isBlank()
              && !EMAIL.matcher(lead.prop("email").stringValue().strip()).matches()) {
            problems.add(row + "行目：メールアドレスの形式が正しくありません");
          }
        }
      }
      refuseIfAny(problems);
    }
  }

  @Component("checkLeadFollowUp")
  static class CheckLeadFollowUp implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      if (execution.isCanceled()) {
        return;
      }
      List<String> problems = new ArrayList<>();
      if (date(execution.getVariable("leadContactDate")) == null) {
        problems.add("連絡した日を yyyy-MM-dd の形式で入力してください");
      }
      Object status = execution.getVariable("leadStatus");
      if (!STATUSES.contains(String.valueOf(status))) {
        problems.add("商談の状況を選んでください（商談中／成約した／不成立）");
      } else if ("failed".equals(status) && isBlank(execution.getVariable("leadFailureReason"))) {
        problems.add("不成立の理由を入力してください（専門家への紹介に使います）");
      } else if ("deal".equals(status) && isBlank(execution.getVariable("dealDetails"))) {
        problems.add("成約の内容（取引の品目・条件）を入力してください");
      }
      refuseIfAny(problems);
    }
  }

  /** The case's deals against the plan's target per business (2 in Rumoi). */
  @Component("assessDeals")
  static class AssessDeals implements JavaDelegate {

    private final FairProperties properties;

    AssessDeals(FairProperties properties) {
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object counted = execution.getVariable("dealCount");
      long deals = counted == null ? 0L : ((Number) counted).longValue();
      Object failed = execution.getVariable("failedLeadCount");
      execution.setVariable("dealCount", deals);
      execution.setVariable("failedLeadCount", failed == null ? 0L : ((Number) failed).longValue());
      execution.setVariable("dealTarget", properties.dealTarget());
      execution.setVariable("dealTargetReached", deals >= properties.dealTarget());
    }
  }
}
