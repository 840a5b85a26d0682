package jp.bansou.followup;

import java.math.BigDecimal;
import jp.bansou.benchmark.Indicator;
import jp.bansou.benchmark.LocalBenchmark;
import jp.bansou.input.NumberReader;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The year's result of a follow-up (plan §7) or of a DX follow-up (plan §8, {@code dx-follow-up}): sales
 * growth against the previous year by Local Benchmark's formula, and whether it reached the plan's target
 * (売上3%増, {@code bansou.follow-up.sales-growth-target}). The KPI report counts {@code salesGrowthTargetMet}.
 */
@Component("assessSalesGrowth")
class AssessSalesGrowth implements JavaDelegate {

  private final FollowUpProperties properties;

  AssessSalesGrowth(FollowUpProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Indicator growth = LocalBenchmark.salesGrowth(
        amount(execution.getVariable("annualSales")), amount(execution.getVariable("previousYearSales")));
    // Doubles, not BigDecimals: the engine stores them as plain numbers that Cockpit and the KPI
    // queries read; the comparison with the target is made on the exact figure.
    execution.setVariable("salesGrowthTarget", properties.salesGrowthTarget().doubleValue());
    execution.setVariable("salesGrowth", growth.computable() ? growth.value().doubleValue() : null);
    // The form refuses a missing or zero previous year, so a growth that is not computable here is
    // counted as not met, with the reason kept for the evaluation committee.
    execution.setVariable("salesGrowthNotComputableReason", growth.notComputableReason());
    execution.setVariable(
        "salesGrowthTargetMet", growth.computable() && growth.value().compareTo(properties.salesGrowthTarget()) >= 0);
  }

  private static BigDecimal amount(Object value) {
    return NumberReader.orNull(value);
  }
}
