package jp.bansou.lessons;

import static jp.bansou.input.RecordInput.isBlank;
import static jp.bansou.input.RecordInput.refuseIfAny;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A success or failure is shared only with its topic, a short category and what was learnt. */
@Component
public class CheckLessonsRecord implements ExecutionListener {

  static final Set<String> KINDS = Set.of("success", "failure", "none");

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    Object kind = execution.getVariable("lessonKind");
    if (!KINDS.contains(kind)) {
      problems.add("事例の種類（成功事例・失敗事例・共有することはない）を選んでください");
    } else if (!"none".equals(kind)) {
      if (isBlank(execution.getVariable("lessonTopic"))) {
        problems.add("分野を選んでください");
      }
      if (isBlank(execution.getVariable("lessonCategory"))) {
        problems.add("ひとことで（分類）を入力してください");
      }
      if (isBlank(execution.getVariable("lessonText"))) {
        problems.add("何がうまくいった（いかなかった）かを入力してください");
      }
    }
    refuseIfAny(problems);
  }
}
