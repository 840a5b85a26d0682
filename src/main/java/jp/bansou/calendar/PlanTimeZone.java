package jp.bansou.calendar;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes the plan's time zone ({@code bansou.time-zone}, Asia/Tokyo by default) the JVM default
 * before the engine starts: Camunda computes timer due dates, and JDBC writes timestamps, in the
 * JVM's default zone, so a server running in UTC would otherwise remind advisors nine hours off
 * and count a case closed on March 31 23:30 in Rumoi into the wrong fiscal year. Bansō's own code takes
 * the zone from {@link PlanClock}, which this sets too.
 */
public class PlanTimeZone implements EnvironmentPostProcessor {

  public static final String PROPERTY = "bansou.time-zone";
  public static final String DEFAULT = "Asia/Tokyo";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String zone = environment.getProperty(PROPERTY, DEFAULT);
    TimeZone timeZone = TimeZone.getTimeZone(zone);
    if (!timeZone.getID().equals(zone)) {
      throw new IllegalStateException(PROPERTY + " '" + zone + "' is not a known time zone id, e.g. " + DEFAULT);
    }
    TimeZone.setDefault(timeZone);
    PlanClock.useZone(timeZone.toZoneId());
  }
}
