package jp.bansou.fair;

import static jp.bansou.fair.DemandSurvey.AGE_BANDS;
import static jp.bansou.fair.DemandSurvey.ASPECTS;
import static jp.bansou.fair.DemandSurvey.RATINGS;
import static jp.bansou.fair.DemandSurvey.RESIDENCES;
import static jp.bansou.fair.DemandSurvey.SEXES;
import static jp.bansou.input.RecordInput.count;
import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Refuses a demand survey tally whose breakdowns do not add up to the same respondents, or whose aspect
 * ratings count more people than answered, for REST callers (400 with the Japanese reasons).
 */
@Component
class CheckDemandSurvey implements ExecutionListener {
  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    long bySex = sum(execution, SEXES, "性別", problems);
    long byAge = sum(execution, AGE_BANDS, "年代", problems);
    long byResidence = sum(execution, RESIDENCES, "居住地", problems);
    if (problems.isEmpty() && (bySex != byAge || bySex != byResidence)) {
      problems.add("回答者数が性別（" + bySex + "人）・年代（" + byAge + "人）・居住地（" + byResidence
          + "人）で一致しません。同じ回答者を数えてください");
    }
    for (Map.Entry<String, String> aspect : ASPECTS.entrySet()) {
      long rated = 0;
      for (String rating : RATINGS) {
        Long answers = count(execution.getVariable(aspect.getKey() + rating));
        if (answers == null) {
          problems.add(aspect.getValue() + "の評価の人数を 0 以上の整数で入力してください");
        } else {
          rated += answers;
        }
      }
      if (rated > bySex) {
        problems.add(aspect.getValue() + "の評価の人数（" + rated + "人）が回答者数（" + bySex + "人）を超えています");
      }
    }
    if (isBlank(execution.getVariable("surveyFindings"))) {
      problems.add("属性別の傾向と主な意見を入力してください");
    }
    refuseIfAny(problems);
  }

  private static long sum(DelegateExecution execution, Map<String, String> fields, String breakdown,
      List<String> problems) {
    long total = 0;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      Long respondents = count(execution.getVariable(field.getKey()));
      if (respondents == null) {
        problems.add(breakdown + "「" + field.getValue() + "」の回答者数を 0 以上の整数で入力してください");
      } else {
        total += respondents;
      }
    }
    return total;
  }
}
