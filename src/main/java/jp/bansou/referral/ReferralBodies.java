package jp.bansou.referral;

import static org.camunda.spin.Spin.JSON;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * The configured specialist bodies as the choices of the referral form's select. Tasklist fills a
 * Camunda Form select from a variable ({@code valuesKey}) only when it is a JSON list, so this is one.
 */
@Component
public class ReferralBodies {

  private final ReferralProperties properties;

  public ReferralBodies(ReferralProperties properties) {
    this.properties = properties;
  }

  public JsonValue choices() {
    return SpinValues.jsonValue(JSON(properties.bodies())).create();
  }
}
