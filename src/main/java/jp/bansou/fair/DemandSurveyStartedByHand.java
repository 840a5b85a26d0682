package jp.bansou.fair;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import jp.bansou.business.BusinessIdAsBusinessKey;
import jp.bansou.input.RecordInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A demand survey an advisor starts in Tasklist (a questionnaire at a business meeting, plan §4②) gets what
 * a calling fair would have passed: the business from the registry, the kind that the KPI row
 * 物産展・商談会出展アンケート counts, and its due date as a date. A survey called by a fair or a tasting survey
 * already has all of it and is left alone.
 */
@Component
public class DemandSurveyStartedByHand implements ExecutionListener {

  /** The KPI row 物産展・商談会出展アンケート counts surveys of this kind. */
  static final String FAIR_OR_MEETING = "fair";

  private final BusinessIdAsBusinessKey businessIdAsBusinessKey;

  DemandSurveyStartedByHand(BusinessIdAsBusinessKey businessIdAsBusinessKey) {
    this.businessIdAsBusinessKey = businessIdAsBusinessKey;
  }

  @Override
  public void notify(DelegateExecution execution) throws Exception {
    if (execution.getSuperExecution() != null) {
      return;
    }
    businessIdAsBusinessKey.notify(execution);
    if (execution.getVariable("surveyKind") == null) {
      execution.setVariable("surveyKind", FAIR_OR_MEETING);
    }
    LocalDate due = RecordInput.date(execution.getVariable("surveyDueDate"));
    if (due != null) {
      execution.setVariable("surveyDueDate", Date.from(due.atStartOfDay(ZoneId.systemDefault()).toInstant()));
    }
  }
}
