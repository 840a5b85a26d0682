package jp.bansou.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.flyway.FlywayProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway's migration only when the database has not applied the newest migration on the classpath. A restart
 * with nothing new to migrate then costs one query instead of Flyway's scan, validation and lock, and does not even
 * build Flyway: this replaces Spring Boot's initializer, takes Flyway as a proxy resolved on first use, and the
 * Flyway bean itself is made lazy ({@link FlywayBuiltWhenUsed}); together about a tenth of Bansō's restart
 * (docs/performance.md "Restart"; ADR 0108). A new migration, a fresh database or a failed one is migrated (and
 * validated) exactly as before; what is skipped is re-validating, at every restart, the checksums of migrations
 * already applied, which only an edited release would change.
 */
@Component
class MigrateOnlyWhenBehind extends FlywayMigrationInitializer {

  private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.*\\.sql");

  private final Flyway flyway;
  private final FlywayProperties properties;
  private final DataSource dataSource;

  MigrateOnlyWhenBehind(@Lazy Flyway flyway, FlywayProperties properties, DataSource dataSource) {
    super(flyway);
    this.flyway = flyway;
    this.properties = properties;
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    if (behind()) {
      flyway.migrate();
    }
  }

  /** Behind, or not sure: Flyway on a database of its own ({@code spring.flyway.url}) is asked through Flyway. */
  boolean behind() {
    if (properties.getUrl() != null) {
      return true;
    }
    Optional<MigrationVersion> newest = newestOnClasspath(properties.getLocations());
    Optional<MigrationVersion> applied = newestApplied(dataSource, properties.getTable());
    return newest.isEmpty() || applied.isEmpty() || applied.get().compareTo(newest.get()) < 0;
  }

  private static Optional<MigrationVersion> newestOnClasspath(List<String> locations) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
        MigrateOnlyWhenBehind.class.getClassLoader());
    MigrationVersion newest = null;
    for (String location : locations) {
      if (!location.startsWith("classpath:")) {
        return Optional.empty();
      }
      // classpath*: as Flyway searches: every jar and directory holding the location, not only the first
      String path = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
      try {
        for (Resource resource : resolver.getResources("classpath*:" + path + "/*.sql")) {
          Matcher versioned = VERSIONED.matcher(String.valueOf(resource.getFilename()));
          if (versioned.matches()) {
            MigrationVersion version = MigrationVersion.fromVersion(versioned.group(1).replace('_', '.'));
            newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
          }
        }
      } catch (IOException unreadable) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(newest);
  }

  /** The newest version the database applied successfully; empty before Flyway's first run or when unsure. */
  private static Optional<MigrationVersion> newestApplied(DataSource dataSource, String table) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select \"version\" from \"" + table + "\" where \"success\""
            + " and \"version\" is not null")) {
      MigrationVersion newest = null;
      while (rows.next()) {
        MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
        newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
      }
      return Optional.ofNullable(newest);
    } catch (SQLException noHistoryYet) {
      return Optional.empty();
    }
  }
}
