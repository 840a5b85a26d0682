package jp.bansou.fair;

import static jp.bansou.input.RecordInput.date;
import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a lead's follow-up record the form would not let through, for REST callers (400 with the Japanese
 * reasons, the task stays open).
 */
@Component
class CheckLeadFollowUp implements ExecutionListener {

  private static final Set<String> STATUSES = Set.of("negotiating", "deal", "failed");

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
