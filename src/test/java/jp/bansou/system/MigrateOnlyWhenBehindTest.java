package jp.bansou.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A restart migrates only when a database is behind the migrations Bansō ships: a fresh database and one missing
 * the newest migration are migrated, one that has them all is left alone (not even re-validated, and Flyway is not
 * even built).
 */
class MigrateOnlyWhenBehindTest {

  private final DriverManagerDataSource database = new DriverManagerDataSource(
      "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private final JdbcTemplate jdbc = new JdbcTemplate(database);
  private final Flyway flyway = Flyway.configure().dataSource(database).baselineOnMigrate(true).baselineVersion("0")
      .load();
  private final MigrateOnlyWhenBehind initializer = new MigrateOnlyWhenBehind(flyway, new FlywayProperties(), database);

  @Test
  void aFreshDatabaseIsMigrated() {
    initializer.afterPropertiesSet();

    assertThat(jdbc.queryForObject("select count(*) from business", Integer.class)).isZero();
  }

  @Test
  void aDatabaseWithEveryMigrationIsNotMigratedOrValidatedAgain() {
    initializer.afterPropertiesSet();
    jdbc.update("update \"flyway_schema_history\" set \"checksum\" = 1 where \"version\" = '1'");
    assertThatThrownBy(flyway::validate).as("Flyway's own validation would refuse it")
        .isInstanceOf(FlywayException.class);

    initializer.afterPropertiesSet();

    assertThat(jdbc.queryForObject("select \"checksum\" from \"flyway_schema_history\" where \"version\" = '1'",
        Integer.class)).as("left alone").isEqualTo(1);
  }

  @Test
  void aDatabaseMissingTheNewestMigrationIsMigrated() {
    flyway.baseline(); // what a database had before the registry: the engine's tables only

    initializer.afterPropertiesSet();

    assertThat(jdbc.queryForObject("select count(*) from business", Integer.class)).isZero();
  }

  @Test
  void aRestartWithNothingToMigrateDoesNotTouchFlyway() {
    initializer.afterPropertiesSet();
    Flyway untouchable = mock(Flyway.class);

    new MigrateOnlyWhenBehind(untouchable, new FlywayProperties(), database).afterPropertiesSet();

    verifyNoInteractions(untouchable);
  }
}
