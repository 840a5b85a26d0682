package jp.bansou.fair;

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

/**
 * Refuses a tasting survey's schedule the form would not let through, for callers of the REST API (400 with
 * the Japanese reasons, the task stays open); Tasklist's form refuses the same input before submitting.
 */
@Component
class CheckTastingSchedule implements ExecutionListener {
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    LocalDate day = date(execution.getVariable("surveyDate"));
    if (day == null) {
      problems.add("試食調査の日を yyyy-MM-dd の形式で入力してください");
    } else if (day.isBefore(today())) {
      problems.add("試食調査の日に過去の日付は入力できません");
    }
    if (isBlank(execution.getVariable("surveyPlace"))) {
      problems.add("試食調査の場所を入力してください");
    }
    refuseIfAny(problems);
  }
}
