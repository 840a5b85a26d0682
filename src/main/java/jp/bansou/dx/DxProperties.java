package jp.bansou.dx;

import java.time.Period;
import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The DX follow-up of seminar participants (plan §8). The sales-growth target is the follow-up's
 * ({@code bansou.follow-up.sales-growth-target}): the plan counts DX-using businesses with sales +3 % by the
 * same measure.
 *
 * @param salesEffectAfter how long after the tools are adopted the sales effect is recorded
 */
@ConfigurationProperties("bansou.dx")
public record DxProperties(Period salesEffectAfter) {

  public DxProperties {
    Settings.required(salesEffectAfter, "sales-effect-after");
  }
}
