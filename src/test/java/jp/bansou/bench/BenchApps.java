package jp.bansou.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.bansou.BansouApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bansō started inside the benchmark's JVM on a database of the benchmark's own: an H2 file under
 * {@code target/bench} or a freshly created PostgreSQL database ({@code -Dbench.pg.host}, default
 * 127.0.0.1:5432, user postgres without password as on CI).
 */
public final class BenchApps {

  public static final String PG_HOST = System.getProperty("bench.pg.host", "127.0.0.1:5432");
  public static final String PG_USER = System.getProperty("bench.pg.user", "postgres");

  public static String postgresUrl(String database) {
    return "jdbc:postgresql://" + PG_HOST + "/" + database;
  }

  /** Drops and creates the database: every run starts from an empty schema. */
  public static String freshPostgres(String database) {
    try (Connection connection = DriverManager.getConnection(postgresUrl("postgres"), PG_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + PG_HOST + " is needed for the benchmark", e);
    }
    return postgresUrl(database);
  }

  /** Spring arguments for a database: {@code h2:<dir>} or a PostgreSQL JDBC URL. */
  public static List<String> database(String where) {
    if (where.startsWith("jdbc:postgresql:")) {
      return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + where,
          "--spring.datasource.username=" + PG_USER, "--spring.datasource.password=");
    }
    return List.of("--bansou.data-dir=" + where);
  }

  /**
   * Fresh planner statistics after seeding, as autovacuum would have them on a production server. This
   * machine's PostgreSQL runs with autovacuum off: unanalysed, the 50,000 seeded tasks made the task query
   * plan join every candidate link before sorting (0.9 s instead of 0.2 s).
   */
  public static void analyze(ConfigurableApplicationContext app) {
    app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).execute("ANALYZE");
  }

  public static ConfigurableApplicationContext start(String engineName, List<String> database,
      Map<String, String> properties) {
    List<String> args = new ArrayList<>(database);
    args.add("--server.port=0");
    args.add("--camunda.bpm.process-engine-name=" + engineName);
    args.add("--logging.level.root=WARN");
    // Bansō as a chamber runs it: no demo businesses and cases in the way of the measured ones.
    args.add("--bansou.demo.year.enabled=false");
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(BansouApplication.class).run(args.toArray(String[]::new));
  }

  private BenchApps() {}
}
