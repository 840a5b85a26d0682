package jp.bansou.fair;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The business's sales at the fair against the plan's target per business (¥150,000 in Rumoi). The KPI
 * report reads {@code fairSales}, {@code fairSalesTarget} and {@code fairSalesTargetReached}.
 */
@Component("assessFairSales")
class AssessFairSales implements JavaDelegate {

  private final FairProperties properties;

  AssessFairSales(FairProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long sales = ((Number) execution.getVariable("fairSales")).longValue();
    execution.setVariable("fairSalesTarget", properties.salesTarget());
    execution.setVariable("fairSalesTargetReached", sales >= properties.salesTarget());
  }
}
