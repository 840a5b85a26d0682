package jp.bansou.followup;

import static jp.bansou.input.RecordInput.date;
import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.number;
import static jp.bansou.input.RecordInput.refuseIfAny;
import static jp.bansou.input.RecordInput.today;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a visit record that the form would not let through, for callers of the REST API: the models run
 * this listener when the visit task ends, and the REST API answers a refusal with 400 and the Japanese
 * message, leaving the task open. Tasklist's form already refuses the same input before submitting.
 */
@Component
class CheckVisitRecord implements ExecutionListener {

  private static final Set<String> PROGRESS = Set.of("onTrack", "smallDeviation", "largeDeviation");

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    LocalDate visitDate = date(execution.getVariable("visitDate"));
    if (visitDate == null) {
      problems.add("訪問日を yyyy-MM-dd の形式で入力してください");
    } else if (visitDate.isAfter(today())) {
      problems.add("訪問日に未来の日付は入力できません");
    }
    Double sales = number(execution.getVariable("salesToDate"));
    if (sales == null || sales < 0) {
      problems.add("売上高（累計）を 0 以上の数値で入力してください");
    }
    if (!PROGRESS.contains(String.valueOf(execution.getVariable("progress")))) {
      problems.add("計画に対する進捗を選んでください（計画どおり／小さなずれがある／計画と大きな差がある）");
    }
    if (isBlank(execution.getVariable("issues"))) {
      problems.add("課題を入力してください（なければ「なし」）");
    }
    if (isBlank(execution.getVariable("nextActions"))) {
      problems.add("次回までの対応を入力してください");
    }
    refuseIfAny(problems);
  }
}
