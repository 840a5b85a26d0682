package jp.bansou.dx;

import org.springframework.stereotype.Component;

/**
 * The DX follow-up's schedule, read by its model as {@code ${dxFollowUp.salesEffectAfter()}}. The KPI report
 * counts the sales effect by the follow-up's {@code salesGrowthTargetMet}; what a business adopted is
 * recorded by {@link RecordDxAdoption}.
 */
@Component
public class DxFollowUp {

  private final DxProperties properties;

  DxFollowUp(DxProperties properties) {
    this.properties = properties;
  }

  /** When the sales effect is recorded after the adoption, as an ISO-8601 period for the timer. */
  public String salesEffectAfter() {
    return properties.salesEffectAfter().toString();
  }
}
