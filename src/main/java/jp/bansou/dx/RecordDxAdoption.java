package jp.bansou.dx;

import static jp.bansou.input.RecordInput.date;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Records which tools were adopted when the DX support task ends: every tool as true or false (a REST caller
 * may leave one out), {@code dxAdopted} and a readable {@code dxToolsAdopted}; refuses a missing date. The
 * KPI report counts a business as DX-using by {@code dxAdopted}.
 */
@Component
class RecordDxAdoption implements ExecutionListener {

  /** The tools the plan names (website, EC) and the ones advisors support most (SNS, cloud tools). */
  static final Map<String, String> TOOLS = new LinkedHashMap<>();

  static {
    TOOLS.put("dxWebsite", "ホームページ");
    TOOLS.put("dxEc", "ECサイト");
    TOOLS.put("dxSns", "SNS");
    TOOLS.put("dxCloudTools", "クラウドツール");
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (date(execution.getVariable("dxSupportDate")) == null) {
      problems.add("支援した日を yyyy-MM-dd の形式で入力してください");
    }
    refuseIfAny(problems);
    List<String> adopted = new ArrayList<>();
    TOOLS.forEach((key, label) -> {
      boolean used = Boolean.TRUE.equals(execution.getVariable(key));
      execution.setVariable(key, used);
      if (used) {
        adopted.add(label);
      }
    });
    execution.setVariable("dxAdopted", !adopted.isEmpty());
    execution.setVariable("dxToolsAdopted", String.join("、", adopted));
  }
}
