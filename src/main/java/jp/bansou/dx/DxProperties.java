package jp.bansou.dx;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The DX follow-up of seminar participants (plan §8). The sales-growth target is the follow-up's
 * ({@code bansou.follow-up.sales-growth-target}): the plan counts DX-using businesses with sales +3 % by the
 * same measure.
 *
 * @param salesEffectAfter how long after the tools are adopted the sales effect is recorded
 */
@Validated
@ConfigurationProperties("bansou.dx")
public record DxProperties(@NotNull Period salesEffectAfter) {}
