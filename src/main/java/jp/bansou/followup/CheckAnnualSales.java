package jp.bansou.followup;

import static jp.bansou.input.RecordInput.number;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Refuses an annual sales record that the form would not let through, for callers of the REST API (400 with
 * the Japanese message, the task stays open); Tasklist's form refuses the same input before submitting.
 */
@Component
class CheckAnnualSales implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    Double sales = number(execution.getVariable("annualSales"));
    if (sales == null || sales < 0) {
      problems.add("今年度の売上高を 0 以上の数値で入力してください");
    }
    Double previous = number(execution.getVariable("previousYearSales"));
    if (previous == null || previous <= 0) {
      problems.add("前年度の売上高を 1 以上の数値で入力してください（0 では増加率を計算できません）");
    }
    refuseIfAny(problems);
  }
}
