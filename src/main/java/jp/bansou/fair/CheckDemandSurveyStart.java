package jp.bansou.fair;

import static jp.bansou.input.RecordInput.isBlank;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.input.RecordInput;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * What the demand survey needs from whoever starts it (a fair, a tasting survey, or an advisor in Tasklist):
 * without it the first task cannot be assigned or dated and the start failed with the engine's English
 * "Unknown property"; now it is refused with what to enter. A due date may be empty (no deadline) when a
 * calling case has none, but must be given.
 */
@Component
class CheckDemandSurveyStart implements ExecutionListener {
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
