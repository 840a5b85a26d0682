package jp.bansou.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.calendar.CalendarProperties;
import jp.bansou.fair.FairProperties;
import jp.bansou.kpi.KpiProperties;
import jp.bansou.security.SecurityProperties;
import jp.bansou.staff.StaffProperties;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * A wrong setting stops the start with a message that names it. Each case binds the shipped application.yaml
 * (and application-prod.yaml for production) with one setting changed, as Spring Boot binds the
 * {@code @ConfigurationProperties} records at start, without starting the application.
 */
class SettingsCheckedAtStartTest {

  @Test
  void theShippedSettingsAreAccepted() {
    assertThat(bind("bansou.calendar", CalendarProperties.class, Map.of()).evaluation().day()).isEqualTo(15);
    assertThat(bind("bansou.staff", StaffProperties.class, Map.of()).meetings().days()).containsExactly(5, 20);
    assertThat(bind("bansou.kpi", KpiProperties.class, Map.of()).partlyMetFrom()).isEqualByComparingTo("0.5");
  }

  @Test
  void aMissingPeriodIsRefusedAtStart() {
    assertRefused("bansou.staff", StaffProperties.class, Map.of("bansou.staff.transfer-due-within", ""))
        .hasMessageContaining("'bansou.staff'")
        .hasRootCauseMessage("transfer-due-within must be set");
  }

  @Test
  void aCalendarDayAfterThe28thIsRefusedAtStart() {
    assertRefused("bansou.calendar", CalendarProperties.class, Map.of("bansou.calendar.evaluation.day", "29"))
        .hasMessageContaining("'bansou.calendar.evaluation'")
        .hasRootCauseMessage("day must be between 1 and 28, not 29");
  }

  @Test
  void aCalendarEntryWithoutMonthsIsRefusedAtStart() {
    assertRefused("bansou.calendar", CalendarProperties.class,
        Map.of("bansou.calendar.seminars.dx.schedule.months", ""))
        .hasMessageContaining("'bansou.calendar.seminars.dx.schedule'")
        .hasRootCauseMessage("each calendar entry needs at least one month");
  }

  @Test
  void aThirteenthMonthIsRefusedAtStart() {
    assertRefused("bansou.calendar", CalendarProperties.class, Map.of("bansou.calendar.evaluation.months", "4,13"))
        .hasRootCauseMessage("months must each be between 1 and 12, not 13");
  }

  @Test
  void anExpectedReturnRateAboveOneIsRefusedAtStart() {
    assertRefused("bansou.calendar", CalendarProperties.class,
        Map.of("bansou.calendar.surveys.management-trend.expected-return-rate", "1.5"))
        .hasMessageContaining("'bansou.calendar.surveys.management-trend'")
        .hasRootCauseMessage("expected-return-rate must be a share between 0 and 1, not 1.5");
  }

  @Test
  void productionWithoutTheAdministratorPasswordIsRefusedAtStart() {
    assertThatThrownBy(() -> bind("bansou.security", SecurityProperties.class, Map.of(), "prod"))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("'bansou.security.admin'")
        .hasRootCauseMessage("set BANSOU_ADMIN_PASSWORD: there is no default administrator password in production");
  }

  @Test
  void aFairThatEndsBeforeItStartsIsRefusedAtStart() {
    // ISO month-days: this binder has no MM-dd converter (fair.MonthDayBinding is the application's)
    assertRefused("bansou.fairs", FairProperties.class, Map.of(
        "bansou.fairs.events[0].id", "tabe-marche",
        "bansou.fairs.events[0].kind", "trade-fair",
        "bansou.fairs.events[0].name", "北の恵み食べマルシェ",
        "bansou.fairs.events[0].place", "旭川市",
        "bansou.fairs.events[0].first-day", "--09-15",
        "bansou.fairs.events[0].last-day", "--09-13"))
        .hasRootCauseMessage("bansou.fairs.events: 'tabe-marche' ends before it starts");
  }

  @Test
  void aPartlyMetShareAboveOneIsRefusedAtStart() {
    assertRefused("bansou.kpi", KpiProperties.class, Map.of("bansou.kpi.partly-met-from", "2"))
        .hasRootCauseMessage("bansou.kpi.partly-met-from is a share between 0 and 1");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String prefix, Class<?> type,
      Map<String, String> changed) {
    return assertThatThrownBy(() -> bind(prefix, type, changed)).isInstanceOf(BindException.class);
  }

  /** The records under {@code prefix} from the shipped files, the {@code changed} settings first. */
  private static <T> T bind(String prefix, Class<T> type, Map<String, String> changed, String... profiles) {
    List<PropertySource<?>> files = new ArrayList<>();
    for (String profile : profiles) {
      files.addAll(load("application-" + profile + ".yaml"));
    }
    files.addAll(load("application.yaml"));
    List<ConfigurationPropertySource> sources = new ArrayList<>();
    sources.add(new MapConfigurationPropertySource(changed));
    ConfigurationPropertySources.from(files).forEach(sources::add);
    return new Binder(sources, new PropertySourcesPlaceholdersResolver(files)).bindOrCreate(prefix, type);
  }

  private static List<PropertySource<?>> load(String file) {
    try {
      return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
