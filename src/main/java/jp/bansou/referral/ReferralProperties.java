package jp.bansou.referral;

import java.util.List;
import java.util.Map;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The specialist bodies a chamber refers businesses to, and which of them each track suggests first;
 * Rumoi's values are the defaults in application.yaml.
 */
@ConfigurationProperties("bansou.referral")
public record ReferralProperties(List<String> bodies, Map<String, String> suggestedBodies) {

  public ReferralProperties {
    Settings.notEmpty(bodies, "bodies");
    suggestedBodies = suggestedBodies == null ? Map.of() : Map.copyOf(suggestedBodies);
    for (Map.Entry<String, String> suggestion : suggestedBodies.entrySet()) {
      if (!bodies.contains(suggestion.getValue())) {
        throw new IllegalArgumentException("bansou.referral.suggested-bodies." + suggestion.getKey()
            + " names '" + suggestion.getValue() + "', which is not in bansou.referral.bodies");
      }
    }
  }
}
