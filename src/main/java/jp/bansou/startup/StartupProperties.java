package jp.bansou.startup;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The startup track's local settings (plan §6②). Every municipality has its own founders' grant;
 * Rumoi's is the default in application.yaml.
 *
 * @param cityGrant the name of the city's grant a founder may apply for, shown on the grant form
 */
@Validated
@ConfigurationProperties("bansou.startup")
public record StartupProperties(@NotBlank String cityGrant) {}
