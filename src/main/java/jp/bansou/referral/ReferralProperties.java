package jp.bansou.referral;

import java.util.List;
import java.util.Map;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The specialist bodies a chamber refers businesses to, and which of them each track suggests first;
 * Rumoi's values are the defaults in application.yaml.
 */
@Validated
@ConfigurationProperties("bansou.referral")
public record ReferralProperties(@NotEmpty List<String> bodies, Map<String, String> suggestedBodies) {

  public ReferralProperties {
    suggestedBodies = suggestedBodies == null ? Map.of() : Map.copyOf(suggestedBodies);
    for (Map.Entry<String, String> suggestion : suggestedBodies.entrySet()) {
      if (!bodies.contains(suggestion.getValue())) {
        throw new IllegalArgumentException("bansou.referral.suggested-bodies." + suggestion.getKey()
            + " names '" + suggestion.getValue() + "', which is not in bansou.referral.bodies");
      }
    }
  }
}
