package jp.bansou.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What PostgreSQL's autovacuum does with its default settings, for the benchmark's tables on a server that runs
 * with autovacuum off (this machine's): every {@code naptime} seconds a table with more dead rows than 50 + 20 %
 * of its live rows is vacuumed and analysed. The history cleanup deletes in batches from the oldest removal
 * time; without vacuuming, each batch's search walks over every row the batches before it deleted.
 */
final class AutovacuumAsByDefault implements AutoCloseable {

  private final String url;
  private final int naptimeSeconds;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger vacuums = new AtomicInteger();

  AutovacuumAsByDefault(String url, int naptimeSeconds) {
    this.url = url;
    this.naptimeSeconds = naptimeSeconds;
  }

  void start(List<String> tables) {
    if (naptimeSeconds > 0) {
      timer.scheduleWithFixedDelay(() -> vacuumWhereDue(tables), naptimeSeconds, naptimeSeconds, TimeUnit.SECONDS);
    }
  }

  int vacuums() {
    return vacuums.get();
  }

  private void vacuumWhereDue(List<String> tables) {
    try (Connection connection = DriverManager.getConnection(url, BenchApps.PG_USER, "");
        PreparedStatement stats = connection.prepareStatement(
            "select n_live_tup, n_dead_tup from pg_stat_user_tables where relname = ?");
        Statement vacuum = connection.createStatement()) {
      for (String table : tables) {
        stats.setString(1, table);
        try (ResultSet row = stats.executeQuery()) {
          if (row.next() && row.getLong(2) > 50 + 0.2 * row.getLong(1)) {
            vacuum.execute("VACUUM ANALYZE " + table);
            vacuums.incrementAndGet();
          }
        }
      }
    } catch (SQLException e) {
      System.out.println("[bench] autovacuum stand-in: " + e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(1, TimeUnit.MINUTES);
  }
}
