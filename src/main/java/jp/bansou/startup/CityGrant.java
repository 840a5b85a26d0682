package jp.bansou.startup;

import org.springframework.stereotype.Component;

/** The city's founders' grant as the startup model names it: {@code ${cityGrant.name()}}. */
@Component
public class CityGrant {

  private final StartupProperties properties;

  CityGrant(StartupProperties properties) {
    this.properties = properties;
  }

  public String name() {
    return properties.cityGrant();
  }
}
