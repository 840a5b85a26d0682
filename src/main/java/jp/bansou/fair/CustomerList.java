package jp.bansou.fair;

import java.time.LocalDate;
import jp.bansou.calendar.PlanClock;
import jp.bansou.input.RecordInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The leads of a business meeting's customer list as the model reads them: each lead's fields for its
 * follow-up, and the tally of deals and failures on the case ({@code dealCount}, {@code failedLeadCount}).
 */
@Component("customerList")
public class CustomerList {

  /** A lead's field, or null when the business card did not have it. */
  public String field(SpinJsonNode lead, String name) {
    if (!lead.hasProp(name) || lead.prop(name).isNull()) {
      return null;
    }
    String value = lead.prop(name).isString() ? lead.prop(name).stringValue() : lead.prop(name).toString();
    return value.isBlank() ? null : value.strip();
  }

  /**
   * Tallies the deal and dates it by the contact that concluded it ({@code dealDate}, yyyy-MM-dd, kept with the
   * lead): the KPI report counts a deal in the year and half it was concluded, whether or not the meeting's
   * other leads are settled.
   */
  public void countDeal(DelegateExecution execution) {
    increment(execution, "dealCount");
    LocalDate concluded = RecordInput.date(execution.getVariable("leadContactDate"));
    execution.setVariableLocal("dealDate", (concluded != null ? concluded : PlanClock.today()).toString());
  }

  public void countFailedLead(DelegateExecution execution) {
    increment(execution, "failedLeadCount");
  }

  // Leads are followed up in parallel, each in its own transaction; the engine's optimistic locking keeps
  // two leads closing at the same moment from losing a count (the later one is refused and retried).
  private static void increment(DelegateExecution execution, String counter) {
    DelegateExecution process = execution.getProcessInstance();
    Object count = process.getVariable(counter);
    process.setVariable(counter, (count == null ? 0L : ((Number) count).longValue()) + 1);
  }
}
