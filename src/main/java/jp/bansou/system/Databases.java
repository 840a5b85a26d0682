package jp.bansou.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which of the two databases Bansō runs on (H2 embedded, PostgreSQL in production) a connection reaches. */
public final class Databases {

  private Databases() {}

  public static boolean postgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }
}
