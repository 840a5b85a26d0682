package jp.bansou.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import jp.bansou.testing.PostgresRequirement;
import jp.bansou.testing.PostgresRequirement.Target;

/**
 * A PostgreSQL database of its own for one cluster test, created fresh next to the tests' database
 * ({@code bansou_test} → {@code bansou_test_cluster}): nodes with running job executors must not meet
 * the jobs of other tests, and the counts must start from zero.
 */
final class ClusterDatabase {

  private final Target target;

  private ClusterDatabase(Target target) {
    this.target = target;
  }

  static ClusterDatabase fresh(String suffix) {
    Target tests = PostgresRequirement.configured();
    int slash = tests.url().lastIndexOf('/');
    int parameters = tests.url().indexOf('?', slash);
    String database = tests.url().substring(slash + 1, parameters < 0 ? tests.url().length() : parameters) + "_"
        + suffix;
    try (Connection connection = connect(tests); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the cluster test's database " + database + " as "
          + tests.username() + " (it needs CREATEDB, as the postgres user has in CI): " + e.getMessage(), e);
    }
    String url = tests.url().substring(0, slash + 1) + database
        + (parameters < 0 ? "" : tests.url().substring(parameters));
    return new ClusterDatabase(new Target(url, tests.username(), tests.password()));
  }

  Target target() {
    return target;
  }

  long count(String sql, Object... parameters) {
    return query(sql, parameters).stream().mapToLong(row -> ((Number) row[0]).longValue()).findFirst().orElse(0);
  }

  List<Object[]> query(String sql, Object... parameters) {
    try (Connection connection = connect(target); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Object[] row = new Object[columns];
          for (int column = 0; column < columns; column++) {
            row[column] = result.getObject(column + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Target target) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", target.username());
    credentials.setProperty("password", target.password());
    return DriverManager.getConnection(target.url(), credentials);
  }
}
