package jp.bansou.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway's migration only when the database has not applied the newest migration on the classpath. A restart
 * with nothing new to migrate then costs one query instead of Flyway's scan, validation and lock (about a tenth of
 * Bansō's restart: docs/performance.md "Restart"; ADR 0108). A new migration, a fresh database or a failed one is
 * migrated (and validated) exactly as before; what is skipped is re-validating, at every restart, the checksums of
 * migrations already applied, which only an edited release would change.
 */
@Component
class MigrateOnlyWhenBehind implements FlywayMigrationStrategy {

  private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.*\\.sql");

  @Override
  public void migrate(Flyway flyway) {
    Optional<MigrationVersion> newest = newestOnClasspath(flyway);
    Optional<MigrationVersion> applied = newestApplied(flyway);
    if (newest.isEmpty() || applied.isEmpty() || applied.get().compareTo(newest.get()) < 0) {
      flyway.migrate();
    }
  }

  private static Optional<MigrationVersion> newestOnClasspath(Flyway flyway) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(flyway.getConfiguration()
        .getClassLoader());
    MigrationVersion newest = null;
    for (Location location : flyway.getConfiguration().getLocations()) {
      if (!location.isClassPath()) {
        return Optional.empty();
      }
      try {
        for (Resource resource : resolver.getResources("classpath*:" + location.getPath() + "/*.sql")) {
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
  private static Optional<MigrationVersion> newestApplied(Flyway flyway) {
    String table = flyway.getConfiguration().getTable();
    try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
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
