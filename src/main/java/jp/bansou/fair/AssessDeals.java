package jp.bansou.fair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The case's deals against the plan's target per business (2 in Rumoi). */
@Component
class AssessDeals implements JavaDelegate {

  private final FairProperties properties;

  AssessDeals(FairProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object counted = execution.getVariable("dealCount");
    long deals = counted == null ? 0L : ((Number) counted).longValue();
    Object failed = execution.getVariable("failedLeadCount");
    execution.setVariable("dealCount", deals);
    execution.setVariable("failedLeadCount", failed == null ? 0L : ((Number) failed).longValue());
    execution.setVariable("dealTarget", properties.dealTarget());
    execution.setVariable("dealTargetReached", deals >= properties.dealTarget());
  }
}
