package jp.bansou.fair;

import static jp.bansou.input.RecordInput.count;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Counts the responses and flags a survey below its target; a short survey is still used, not refused. */
@Component
class TallySurveyResponses implements JavaDelegate {

  private final FairProperties properties;

  TallySurveyResponses(FairProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long responses = 0;
    for (String field : DemandSurvey.SEXES.keySet()) {
      responses += count(execution.getVariable(field));
    }
    execution.setVariable("surveyResponses", responses);
    execution.setVariable("surveyResponseTarget", properties.surveyResponseTarget());
    execution.setVariable("surveyResponsesBelowTarget", responses < properties.surveyResponseTarget());
  }
}
