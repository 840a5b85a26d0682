package jp.bansou.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.bansou.testing.EngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page of tasks costs the page, not the number of open tasks (ADR 0112; measured by TaskListBench): the open
 * tasks are indexed by due date on every database, and on PostgreSQL the grants that let anyone read a task have
 * an index of their own, with statistics that tell the planner how many there are.
 */
@EngineTest
class TaskListIndexesTest {

  @Autowired
  DataSource dataSource;

  @Test
  void theOpenTasksAreIndexedByDueDateAndOnPostgresTheGrantsThatReadTasksByResource() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");

      assertThat(indexColumns(connection, "ACT_RU_TASK", "BANSOU_IDX_TASK_DUE")).containsExactly("DUE_DATE_");
      if (postgres) {
        assertThat(indexColumns(connection, "ACT_RU_AUTHORIZATION", "BANSOU_IDX_AUTH_TASK_READ"))
            .containsExactly("RESOURCE_ID_");
        try (ResultSet statistics = connection.createStatement().executeQuery(
            "SELECT count(*) FROM pg_statistic_ext WHERE stxname = 'bansou_stats_auth_task_read'")) {
          assertThat(statistics.next()).isTrue();
          assertThat(statistics.getInt(1)).as("statistics on the grants' bit tests").isEqualTo(1);
        }
      }
    }
  }

  /** The columns of one index, upper case: H2 keeps names as created, PostgreSQL folds them to lower case. */
  private static List<String> indexColumns(Connection connection, String table, String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    for (String tableName : List.of(table, table.toLowerCase())) {
      try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, tableName, false, false)) {
        while (rows.next()) {
          if (index.equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
            columns.add(rows.getString("COLUMN_NAME").toUpperCase());
          }
        }
      }
    }
    return columns;
  }
}
