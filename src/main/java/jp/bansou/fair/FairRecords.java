package jp.bansou.fair;

import static jp.bansou.input.RecordInput.count;
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
 * Refuses a fair record the forms would not let through, for callers of the REST API (400 with the
 * Japanese reasons, the task stays open); Tasklist's forms refuse the same input before submitting.
 */
final class FairRecords {

  private FairRecords() {}

  @Component("checkFairSales")
  static class CheckFairSales implements ExecutionListener {
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

  @Component("checkTastingSchedule")
  static class CheckTastingSchedule implements ExecutionListener {
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
}
