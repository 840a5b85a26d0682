package jp.bansou.referral;

import static org.camunda.spin.Spin.JSON;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/** The configured specialist bodies, as models and the referral form need them. */
@Component
public class ReferralBodies {

  private final ReferralProperties properties;

  public ReferralBodies(ReferralProperties properties) {
    this.properties = properties;
  }

  /** The referral form's choices: Tasklist fills a Camunda Form select ({@code valuesKey}) only from a JSON list. */
  public JsonValue choices() {
    return SpinValues.jsonValue(JSON(properties.bodies())).create();
  }

  /** The body a track's referrals start with (the advisor may pick another), or null for no suggestion. */
  public String suggestedFor(String track) {
    return properties.suggestedBodies().get(track);
  }
}
