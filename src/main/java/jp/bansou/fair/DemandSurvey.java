package jp.bansou.fair;

import static jp.bansou.input.RecordInput.count;
import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.input.RecordInput;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The demand survey's tally (plan §4: 50 visitors or buyers at a fair, 50 visitors at the tasting survey):
 * respondents counted by sex, age band and residence, and each product aspect (taste, look, size, package,
 * price) counted as good, fair or poor. Every breakdown must add up to the same respondents.
 */
final class DemandSurvey {

  static final Map<String, String> SEXES = labels(
      "respondentsMale", "男性", "respondentsFemale", "女性", "respondentsSexUnanswered", "その他・無回答");
  static final Map<String, String> AGE_BANDS = labels(
      "respondentsAgeTo29", "20代以下", "respondentsAge30s", "30代", "respondentsAge40s", "40代",
      "respondentsAge50s", "50代", "respondentsAge60s", "60代", "respondentsAge70Plus", "70代以上");
  static final Map<String, String> RESIDENCES = labels(
      "respondentsRumoi", "留萌管内", "respondentsHokkaido", "道内（留萌管内を除く）",
      "respondentsOutsideHokkaido", "道外");
  static final Map<String, String> ASPECTS = labels(
      "taste", "味", "look", "見た目", "size", "大きさ・量", "package", "パッケージ", "price", "価格");
  static final List<String> RATINGS = List.of("Good", "Fair", "Poor");

  private DemandSurvey() {}

  /**
   * What the survey needs from whoever starts it (a fair, a tasting survey, or an advisor in Tasklist):
   * without it the first task cannot be assigned or dated and the start failed with the engine's English
   * "Unknown property"; now it is refused with what to enter. A due date may be empty (no deadline) when a
   * calling case has none, but must be given.
   */
  @Component("checkDemandSurveyStart")
  static class StartCheck implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      List<String> problems = new ArrayList<>();
      if (isBlank(execution.getVariable("advisor"))) {
        problems.add("担当経営指導員のユーザーID（advisor）を入力してください");
      }
      Object due = execution.getVariable("surveyDueDate");
      if (!execution.hasVariable("surveyDueDate") || (due != null && isBlank(due))) {
        problems.add("調査の回答を記録する期限（surveyDueDate）を 2026-12-02 の形で入力してください");
      } else if (due != null && RecordInput.date(due) == null) {
        problems.add("調査の回答を記録する期限（surveyDueDate）「" + due + "」は日付ではありません。2026-12-02 の形で入力してください");
      }
      if (!problems.isEmpty()) {
        throw new BadUserRequestException(String.join("。", problems) + "。");
      }
    }
  }

  @Component("checkDemandSurvey")
  static class Check implements ExecutionListener {
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
  }

  /** Counts the responses and flags a survey below its target; a short survey is still used, not refused. */
  @Component("tallySurveyResponses")
  static class Tally implements JavaDelegate {

    private final FairProperties properties;

    Tally(FairProperties properties) {
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long responses = 0;
      for (String field : SEXES.keySet()) {
        responses += count(execution.getVariable(field));
      }
      execution.setVariable("surveyResponses", responses);
      execution.setVariable("surveyResponseTarget", properties.surveyResponseTarget());
      execution.setVariable("surveyResponsesBelowTarget", responses < properties.surveyResponseTarget());
    }
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

  private static Map<String, String> labels(String... keysAndLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < keysAndLabels.length; i += 2) {
      labels.put(keysAndLabels[i], keysAndLabels[i + 1]);
    }
    return labels;
  }
}
