package jp.bansou.fair;

import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Refuses a business meeting's customer list the form would not let through, for REST callers (400 with the
 * Japanese reasons): the form's dynamic list, JSON {@code leads}, one business card a record.
 */
@Component
class CheckCustomerList implements ExecutionListener {

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

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
