package jp.bansou.referral;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotEmpty;

/** The specialist bodies a chamber refers businesses to; Rumoi's list is the default in application.yaml. */
@Validated
@ConfigurationProperties("bansou.referral")
public record ReferralProperties(@NotEmpty List<String> bodies) {}
