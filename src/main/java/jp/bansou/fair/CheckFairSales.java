package jp.bansou.fair;

import static jp.bansou.input.RecordInput.count;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a fair's sales record the form would not let through, for callers of the REST API (400 with the
 * Japanese reason, the task stays open); Tasklist's form refuses the same input before submitting.
 */
@Component
class CheckFairSales implements ExecutionListener {
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (count(execution.getVariable("fairSales")) == null) {
      problems.add("物産展での売上高を 0 以上の整数（円）で入力してください");
    }
    refuseIfAny(problems);
  }
}
