package jp.bansou.consultation;

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

/** Refuses a next action recorded without its date or result, for REST callers as the form does. */
@Component
public class CheckNextActionRecord implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    LocalDate done = date(execution.getVariable("nextActionDoneDate"));
    if (done == null) {
      problems.add("実施日を入力してください（例 2026-12-10）");
    } else if (done.isAfter(today())) {
      problems.add("実施日に未来の日付は入力できません");
    }
    if (isBlank(execution.getVariable("nextActionResult"))) {
      problems.add("結果を入力してください");
    }
    refuseIfAny(problems);
  }
}
