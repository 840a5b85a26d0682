package jp.bansou.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates indexes Bansō adds to the engine's own tables. Not a Flyway migration: Flyway runs before the engine
 * has created its tables on a fresh database, so these are created at start when missing ({@code IF NOT
 * EXISTS}, on H2 and PostgreSQL), after the engine's schema exists.
 */
public final class EngineTableIndexes {

  /** The PostgreSQL advisory lock under which one node at a time creates them: any constant all nodes share. */
  private static final long LOCK = 0x42414E534F55L; // "BANSOU"

  /** Runs the statements for the connected database (argument: whether it is PostgreSQL) in one transaction. */
  public static void createMissing(JdbcTemplate jdbc, Function<Boolean, List<String>> statements) {
    jdbc.execute((ConnectionCallback<Void>) connection -> {
      create(connection, statements);
      return null;
    });
  }

  /**
   * Nodes starting together would race between "not exists" and "create" (PostgreSQL then fails one of them
   * on its catalogue's unique name); the transaction's advisory lock makes the second wait and find the index.
   * H2 runs embedded in one JVM.
   */
  private static void create(Connection connection, Function<Boolean, List<String>> statements)
      throws SQLException {
    boolean postgres = Databases.postgres(connection);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      if (postgres) {
        statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
      }
      for (String sql : statements.apply(postgres)) {
        statement.execute(sql);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private EngineTableIndexes() {}
}
