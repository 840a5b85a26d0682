package jp.bansou.startup;

import jp.bansou.system.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The startup track's local settings (plan §6②). Every municipality has its own founders' grant;
 * Rumoi's is the default in application.yaml.
 *
 * @param cityGrant the name of the city's grant a founder may apply for, shown on the grant form
 */
@ConfigurationProperties("bansou.startup")
public record StartupProperties(String cityGrant) {

  public StartupProperties {
    Settings.notBlank(cityGrant, "city-grant");
  }
}
